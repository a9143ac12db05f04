import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.FocalPointCommand {
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a delegation's focal-point link: it stops working at once.",
            discussion: """
                The focal point stays in the history; msp focal-point add names one again.

                Example: msp focal-point revoke --delegation Uganda --reason "Focal point left the mission"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        var delegation: String

        @Option(help: ArgumentHelp("Why (kept in the history).", valueName: "text"))
        var reason: String?

        init() {}

        func run() throws {
            let focalPoint = try database.withDesk {
                try $0.revokeFocalPoint(delegation: delegation, reason: reason, meeting: meetingOption.meeting)
            }
            database.confirm(
                "Revoked the link of the focal point of \(focalPoint.delegation) for \(focalPoint.meeting.code) (\(focalPoint.email)): it no longer works."
            )
        }
    }
}
