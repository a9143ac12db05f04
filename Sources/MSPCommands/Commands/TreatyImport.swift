import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.Treaty {
    /// `msp treaty import`: a convention's membership table from a CSV file.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load a convention's membership table from a CSV file.",
            discussion: """
                The file has the columns iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date \
                (the format of fixtures/reference/ccm-membership.csv). Each State in the file gets the record the file \
                gives; States not in the file keep theirs. Everything is checked before anything is written; one \
                transaction.

                Example: msp treaty import ccm-membership.csv --convention CCM
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
        var file: String

        @Option(help: "The convention's code.")
        var convention: String = "CCM"

        init() {}

        func run() throws {
            let data = try InputFile.read(file)
            guard var text = String(data: data, encoding: .utf8) else {
                throw InputError("\(file): not UTF-8 text")
            }
            // A spreadsheet's "CSV UTF-8" starts with a byte-order mark.
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let records: [MembershipRecord]
            do {
                records = try MembershipTable.parse(csv: text, states: BundledData.states)
            } catch let problem as ImportProblem {
                throw CommandFailure(.dataError, problem.located(in: file))
            } catch {
                throw InputError("\(file): not a CSV file msp can read (\(error))")
            }
            let (code, result) = try database.withDesk { desk in
                try desk.importMembership(convention: convention, records: records, origin: file)
            }
            database.confirm(
                "\(code): \(records.count) records read from \(file): \(result.added) added, \(result.changed) changed, \(result.unchanged) unchanged."
            )
        }
    }
}
