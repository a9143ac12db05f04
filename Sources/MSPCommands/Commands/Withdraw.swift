import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp withdraw`: record a delegation's withdrawal; the list of participants leaves it out, nothing is deleted.
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Record a delegation's withdrawal: the list of participants leaves it out; its notes are kept.",
            discussion: """
                The delegation must be registered for the meeting. A later registration or amendment brings it back.

                Example: msp withdraw --delegation Uganda --received 2017-08-30T09:00 --reference "Note 61/2017"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        var delegation: String

        @Option(
            help: ArgumentHelp(
                "When the note of withdrawal was received (as for register). Default: now, until the meeting has closed; required after.",
                valueName: "when"))
        var received: String?

        @Option(help: ArgumentHelp("The note's own reference.", valueName: "ref"))
        var reference: String?

        init() {}

        func run() throws {
            let request = WithdrawalRequest(delegation: delegation, receivedAt: received, reference: reference)
            let recorded = try database.withDesk { try $0.withdraw(request, meeting: meetingOption.meeting) }
            let zone = recorded.meeting.timeZone
            var text = "Recorded the withdrawal of \(recorded.delegation) from \(recorded.meeting.code)"
            if let reference = recorded.reference { text += ", note \(reference)" }
            text += ", received \(zone.format(recorded.receipt.instant)): the list of participants leaves it out."
            database.confirm(text)
            MSP.warn(recorded.warning)
        }
    }
}
