import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.Treaty {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Count and list the States Parties and signatory States on a day.",
            discussion: """
                A State is a Party from the deposit of its instrument of ratification, acceptance, approval or accession; \
                the date the Convention enters into force for it (Article 17) is shown beside it.

                Example: msp treaty status --convention CCM --on 2017-09-04 --format json
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The convention's code.")
        var convention: String = "CCM"

        @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
        var on: String?

        @OptionGroup var output: OutputOptions<SummaryFormats>

        init() {}

        func run() throws {
            let day = try on.map { try LocalDate.parse($0, field: .day) } ?? VenueTimeZone.utcToday()
            let status = try database.withReadingDesk { try $0.treatyStatus(convention: convention, on: day) }
            try output.write(TreatyStatusReport.render(status, format: output.format))
        }
    }
}

extension VenueTimeZone {
    static func utcToday() -> LocalDate {
        Instant.now().secondsSinceEpoch >= 0
            ? LocalDate(daysSinceEpoch: Int(Instant.now().secondsSinceEpoch / 86400)) : LocalDate(daysSinceEpoch: 0)
    }
}
