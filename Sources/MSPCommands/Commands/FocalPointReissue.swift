import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.FocalPointCommand {
    struct Reissue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reissue",
            abstract: "Issue a new link to a delegation's focal point; the old link stops working at once.",
            discussion: """
                For a lost or leaked link, or a new focal point (--email). The new link is printed once.

                Example: msp focal-point reissue --delegation Uganda --email new.focal@mission.example
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        var delegation: String

        @Option(
            help: ArgumentHelp(
                "A new e-mail address for the focal point (default: the address of the old link).",
                valueName: "address"))
        var email: String?

        @Option(help: ArgumentHelp("Why (kept in the history).", valueName: "text"))
        var reason: String?

        @OptionGroup var base: BaseURLOption

        init() {}

        func run() throws {
            let base = try base.checkedBase()
            let (focalPoint, token) = try database.withDesk {
                try $0.reissueFocalPoint(
                    FocalPointReissue(delegation: delegation, email: email, reason: reason),
                    meeting: meetingOption.meeting)
            }
            database.confirm(
                FocalPointText.issued(
                    focalPoint, link: try FocalPointLink.url(base: base, token: token),
                    heading:
                        "New link for the focal point of \(focalPoint.delegation) for \(focalPoint.meeting.code) (the old link no longer works)"
                ))
        }
    }
}
