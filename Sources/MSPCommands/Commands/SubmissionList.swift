import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.SubmissionCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the meeting's submissions, oldest first: the queue of pending ones unless --status says.",
            discussion: """
                Example: msp submission list --status all --format csv
                """)

        /// Which submissions: one status, or every one.
        enum StatusFilter: String, ExpressibleByArgument, CaseIterable {
            case pending, accepted, returned, all

            var status: SubmissionStatus? { SubmissionStatus(rawValue: rawValue) }
        }

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("Which submissions.", valueName: "status"))
        var status: StatusFilter = .pending

        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let list = try database.withReadingDesk {
                try $0.submissions(meeting: meetingOption.meeting, status: status.status)
            }
            try output.write(
                SubmissionReport.list(list.submissions, meeting: list.meeting, format: output.format),
                workbook: WorkbookOutput.workbook(
                    list.submissions.map(SubmissionRow.init), name: "Submissions \(list.meeting.code)"))
        }
    }
}
