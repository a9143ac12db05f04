import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.FocalPointCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Name a delegation's focal point and print their personal link, once.",
            discussion: """
                The delegation is a State or an organization msp knows (a new organization is registered by its first \
                note); it need not have registered yet. A delegation that has a working link already is refused: \
                re-issue it (msp focal-point reissue, with --email for a new focal point) or revoke it.

                Example: msp focal-point add --delegation Uganda --email focal@mission.example \
                --base-url https://msp.example.org
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        var delegation: String

        @Option(help: ArgumentHelp("The focal point's e-mail address, where the link is sent.", valueName: "address"))
        var email: String

        @OptionGroup var base: BaseURLOption

        init() {}

        func run() throws {
            let base = try base.checkedBase()
            let (focalPoint, token) = try database.withDesk {
                try $0.addFocalPoint(
                    FocalPointRequest(delegation: delegation, email: email), meeting: meetingOption.meeting)
            }
            database.confirm(
                FocalPointText.issued(
                    focalPoint, link: try FocalPointLink.url(base: base, token: token),
                    heading: "Focal point of \(focalPoint.delegation) for \(focalPoint.meeting.code)"))
        }
    }
}

/// What `focal-point add` and `reissue` print: who, and the link once.
enum FocalPointText {
    static func issued(_ focalPoint: FocalPoint, link: String, heading: String) -> String {
        """
        \(heading): \(focalPoint.email), issued \(focalPoint.meeting.timeZone.format(focalPoint.issuedAt)).
        Send this link to \(focalPoint.email); it cannot be shown again (msp keeps only a hash of it):
        \(link)
        """
    }
}
