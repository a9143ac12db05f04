import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.SubmissionCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one submission: its transcription, its timing, its status, and its PDF's SHA-256.",
            discussion: """
                The note verbale itself is shown by the portal, beside the transcription.

                Example: msp submission show 4
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Argument(help: ArgumentHelp("The submission's number, as submission list shows it.", valueName: "submission"))
        var id: Int64

        @OptionGroup var output: OutputOptions<SummaryFormats>

        init() {}

        func run() throws {
            let shown = try database.withReadingDesk { try $0.submission(id: id, meeting: meetingOption.meeting) }
            try output.write(SubmissionReport.show(shown.submission, format: output.format))
        }
    }
}
