import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.Document {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show what the meeting's documents print in their masthead.",
            discussion: "Example: msp document show --format json")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let documents = try database.withReadingDesk { desk in
                try DocumentKind.allCases.map { kind in
                    (kind, try desk.masthead(kind, meeting: meetingOption.meeting).masthead)
                }
            }
            let rows = documents.map { MastheadDocument($0.1, kind: $0.0) }
            try output.write(
                Writers.rows(rows, as: output.format), workbook: WorkbookOutput.workbook(rows, name: "Documents"))
        }
    }
}
