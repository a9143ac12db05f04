import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.FocalPointCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the meeting's focal points: each delegation's newest link, working (active) or revoked.",
            discussion: """
                Never any part of a link's token: msp does not have it. msp history --delegation NAME shows every \
                link issued, re-issued and revoked.

                Example: msp focal-point list --format csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let list = try database.withReadingDesk { try $0.focalPoints(meeting: meetingOption.meeting) }
            try output.write(
                FocalPointListReport.render(list.focalPoints, meeting: list.meeting, format: output.format),
                workbook: WorkbookOutput.workbook(
                    list.focalPoints.map { FocalPointRow($0, zone: list.meeting.timeZone) },
                    name: "Focal points \(list.meeting.code)"))
        }
    }
}
