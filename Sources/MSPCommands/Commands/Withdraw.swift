import ArgumentParser
import MSPDomain
import MSPStore

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
            let (stored, recorded, receipt) = try database.withStore { store in
                let stored = try store.meeting(code: meetingOption.meeting)
                let receipt = try stored.meeting.receipt(received, now: .now(), field: "--received")
                let reference = try NoteDraft.reference(reference, field: "--reference")
                let recorded = try store.withdraw(delegation: delegation, receipt: receipt, reference: reference,
                                                  meeting: stored, change: ChangeInfo(command: "withdraw"))
                return (stored, recorded, receipt)
            }
            let zone = stored.meeting.timeZone
            var text = "Recorded the withdrawal of \(recorded.delegation) from \(stored.meeting.code)"
            if let reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines), !reference.isEmpty {
                text += ", note \(reference)"
            }
            text += ", received \(zone.format(receipt.instant)): the list of participants leaves it out."
            print(text)
        }
    }
}
