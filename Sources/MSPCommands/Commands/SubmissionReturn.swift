import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.SubmissionCommand {
    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Return a pending submission to its focal point with a reason; nothing of it is recorded.",
            discussion: """
                The focal point sees the reason on their page and may submit again.

                Example: msp submission return 4 --reason "The note verbale is not signed"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Argument(help: ArgumentHelp("The submission's number, as submission list shows it.", valueName: "submission"))
        var id: Int64

        @Option(help: ArgumentHelp("Why (required; the focal point sees it).", valueName: "text"))
        var reason: String

        init() {}

        func run() throws {
            let returned = try database.withDesk {
                try $0.returnSubmission(id: id, reason: reason, meeting: meetingOption.meeting)
            }
            database.confirm(
                "Returned submission \(id) of \(returned.delegation) to its focal point (\(returned.focalPointEmail)): nothing of it is recorded."
            )
        }
    }
}
