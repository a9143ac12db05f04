import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.MeetingCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the meetings in the database.",
            discussion: "Example: msp meeting list --format csv")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let meetings = try database.withReadingDesk { try $0.meetings() }
            try output.write(
                MeetingListReport.render(meetings.map(\.meeting), format: output.format),
                workbook: WorkbookOutput.workbook(meetings.map { MeetingRow($0.meeting) }, name: "Meetings"))
        }
    }
}
