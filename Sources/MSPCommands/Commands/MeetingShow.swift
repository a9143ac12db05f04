import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.MeetingCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a meeting and its registration figures.",
            discussion: "Example: msp meeting show 7MSP (the code may be left out when the database holds one meeting)")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The meeting's code (may be left out when the database holds one meeting).")
        var code: String?

        @OptionGroup var output: OutputOptions<SummaryFormats>

        init() {}

        func run() throws {
            let overview = try database.withReadingDesk { try $0.overview(code: code) }
            try output.write(
                MeetingShowReport.render(overview.meeting, figures: overview.statistics, format: output.format))
        }
    }
}
