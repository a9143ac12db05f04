import ArgumentParser
import Foundation
import MSPDomain
import MSPApplication
import MSPStore

extension MSP.Treaty {
    /// `msp treaty record`: one signature, consent or withdrawal, as it arrives between meetings.
    public struct Record: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "record", 
            abstract: "Record a State's signature, instrument of consent or withdrawal.",
            discussion: """
                Give exactly one of --signed, --consent (with --kind) or --withdrawal. A date recorded again replaces the \
                earlier one (a correction); the change is logged. A State's category at a meeting follows at once.

                Example: msp treaty record --convention CCM --state Benin --consent 2017-07-10 --kind ratification
                """)

        @OptionGroup public var database: DatabaseOptions

        @Option(help: "The convention's code.")
        public var convention: String = "CCM"

        @Option(help: ArgumentHelp("The State: UN short name, alias or ISO code.", valueName: "name"))
        public var state: String

        @Option(help: ArgumentHelp("The day the State signed, YYYY-MM-DD.", valueName: "date"))
        public var signed: String?

        @Option(help: ArgumentHelp("The day the State deposited its instrument of consent, YYYY-MM-DD (with --kind).", valueName: "date"))
        public var consent: String?

        @Option(help: ArgumentHelp("The instrument: ratification, accession, acceptance or approval (with --consent).", valueName: "kind"))
        public var kind: ConsentKind?

        @Option(help: ArgumentHelp("The day the State's withdrawal takes effect, YYYY-MM-DD.", valueName: "date"))
        public var withdrawal: String?

        public init() {}

        public func validate() throws {
            let given = [signed, consent, withdrawal].compactMap { $0 }
            guard given.count == 1 else {
                throw ValidationError("give exactly one of --signed DATE, --consent DATE --kind KIND, --withdrawal DATE")
            }
            if consent != nil && kind == nil {
                throw ValidationError("--consent needs --kind ratification|accession|acceptance|approval")
            }
            if consent == nil && kind != nil {
                throw ValidationError("--kind goes with --consent")
            }
        }

        public func run() throws {
            let fact: MembershipRequest.Fact
            if let signed {
                fact = .signed(signed)
            } else if let consent, let kind {
                fact = .consent(consent, kind)
            } else {
                fact = .withdrawal(withdrawal ?? "")
            }
            let request = MembershipRequest(convention: convention, state: state, fact: fact)
            let recorded = try database.withDesk { try $0.recordMembership(request) }
            let what = "\(recorded.state.name) \(recorded.change.description)"
            if recorded.changed {
                print("\(recorded.convention): recorded \(what).")
            } else {
                print("\(recorded.convention): \(what): already recorded, nothing changed.")
            }
        }
    }

    /// `msp treaty import`: a convention's membership table from a CSV file.
    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "import", 
            abstract: "Load a convention's membership table from a CSV file.",
            discussion: """
                The file has the columns iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date \
                (the format of fixtures/reference/ccm-membership.csv). Each State in the file gets the record the file \
                gives; States not in the file keep theirs. Everything is checked before anything is written; one \
                transaction.

                Example: msp treaty import ccm-membership.csv --convention CCM
                """)

        @OptionGroup public var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
        public var file: String

        @Option(help: "The convention's code.")
        public var convention: String = "CCM"

        public init() {}

        public func run() throws {
            let data = try InputFile.read(file)
            guard var text = String(data: data, encoding: .utf8) else {
                throw InputError("\(file): not UTF-8 text")
            }
            // A spreadsheet's "CSV UTF-8" starts with a byte-order mark.
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let records: [MembershipRecord]
            do {
                records = try MembershipTable.parse(csv: text, states: ReferenceData.states)
            } catch let problem as ImportProblem {
                throw CommandFailure(.dataError, problem.located(in: file))
            } catch {
                throw InputError("\(file): not a CSV file msp can read (\(error))")
            }
            let (code, result) = try database.withDesk { desk in
                try desk.importMembership(convention: convention, records: records, origin: file)
            }
            print("\(code): \(records.count) records read from \(file): \(result.added) added, \(result.changed) changed, \(result.unchanged) unchanged.")
        }
    }
}

extension ConsentKind: ExpressibleByArgument {}
