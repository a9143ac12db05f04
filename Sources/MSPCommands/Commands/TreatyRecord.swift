import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.Treaty {
    /// `msp treaty record`: one signature, consent or withdrawal, as it arrives between meetings.
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record a State's signature, instrument of consent or withdrawal.",
            discussion: """
                Give exactly one of --signed, --consent (with --kind) or --withdrawal. A date recorded again replaces the \
                earlier one (a correction); the change is logged. A State's category at a meeting follows at once.

                Example: msp treaty record --convention CCM --state Benin --consent 2017-07-10 --kind ratification
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The convention's code.")
        var convention: String = "CCM"

        @Option(help: ArgumentHelp("The State: UN short name, alias or ISO code.", valueName: "name"))
        var state: String

        @Option(help: ArgumentHelp("The day the State signed, YYYY-MM-DD.", valueName: "date"))
        var signed: String?

        @Option(
            help: ArgumentHelp(
                "The day the State deposited its instrument of consent, YYYY-MM-DD (with --kind).", valueName: "date"))
        var consent: String?

        @Option(
            help: ArgumentHelp(
                "The instrument: ratification, accession, acceptance or approval (with --consent).", valueName: "kind"))
        var kind: ConsentKind?

        @Option(help: ArgumentHelp("The day the State's withdrawal takes effect, YYYY-MM-DD.", valueName: "date"))
        var withdrawal: String?

        init() {}

        func validate() throws {
            let given = [signed, consent, withdrawal].compactMap { $0 }
            guard given.count == 1 else {
                throw ValidationError(
                    "give exactly one of --signed DATE, --consent DATE --kind KIND, --withdrawal DATE")
            }
            if consent != nil && kind == nil {
                throw ValidationError("--consent needs --kind ratification|accession|acceptance|approval")
            }
            if consent == nil && kind != nil {
                throw ValidationError("--kind goes with --consent")
            }
        }

        func run() throws {
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
                database.confirm("\(recorded.convention): recorded \(what).")
            } else {
                print("\(recorded.convention): \(what): already recorded, nothing changed.")
            }
        }
    }
}

extension ConsentKind: ExpressibleByArgument {}
