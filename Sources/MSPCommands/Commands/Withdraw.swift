import ArgumentParser
import MSPDomain
import MSPApplication

extension MSP {
    /// `msp withdraw`: record a delegation's withdrawal; the list of participants leaves it out, nothing is deleted.
    public struct Withdraw: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "withdraw", 
            abstract: "Record a delegation's withdrawal: the list of participants leaves it out; its notes are kept.",
            discussion: """
                The delegation must be registered for the meeting. A later registration or amendment brings it back.

                Example: msp withdraw --delegation Uganda --received 2017-08-30T09:00 --reference "Note 61/2017"
                """)

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        public var delegation: String

        @Option(help: ArgumentHelp("When the note of withdrawal was received (as for register). Default: now.", valueName: "when"))
        public var received: String?

        @Option(help: ArgumentHelp("The note's own reference.", valueName: "ref"))
        public var reference: String?

        public init() {}

        public func run() throws {
            let request = WithdrawalRequest(delegation: delegation, receivedAt: received, reference: reference)
            let recorded = try database.withDesk { try $0.withdraw(request, meeting: meetingOption.meeting) }
            let zone = recorded.meeting.timeZone
            var text = "Recorded the withdrawal of \(recorded.delegation) from \(recorded.meeting.code)"
            if let reference = recorded.reference { text += ", note \(reference)" }
            text += ", received \(zone.format(recorded.receipt.instant)): the list of participants leaves it out."
            print(text)
        }
    }
}
