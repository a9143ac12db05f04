import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp correct`: the secretariat fixes its own transcription of a note.
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Correct the transcription of a recorded note (a misspelled name, a wrong receipt time...).",
            discussion: """
                Give the fields that were wrong; the others stay. --head, --alternate and --adviser together give the \
                whole list of participants as it should read. The note as first recorded is kept: history shows it, the \
                correction, who made it and why. 'msp undo NOTE' takes the correction back.

                Example: msp correct 12 --received 2017-08-18T16:05 --reason "Time stamp of the e-mail, not of printing"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var action: NoteAction

        @Option(help: ArgumentHelp("The delegation it should be recorded against.", valueName: "name"))
        var delegation: String?

        @Option(
            help: ArgumentHelp(
                "For a new organization: international_organization or civil_society.", valueName: "category"))
        var category: String?

        @Option(help: ArgumentHelp("The note's own reference.", valueName: "ref"))
        var reference: String?

        @Option(help: ArgumentHelp("When it was received, in any form register takes.", valueName: "when"))
        var received: String?

        @Option(help: ArgumentHelp("How it arrived: email, post, hand or fax.", valueName: "channel"))
        var channel: String?

        /// Together, the whole list of participants as it should read.
        @OptionGroup var participants: ParticipantOptions

        func validate() throws {
            let given = [delegation, category, reference, received, channel].compactMap { $0 }
            if given.isEmpty && participants.isEmpty {
                throw ValidationError(
                    "give what is to be corrected: --delegation, --reference, --received, --channel or the participants"
                )
            }
        }

        func run() throws {
            let request = CorrectionRequest(
                note: action.note, reason: action.reason, delegation: delegation, category: category,
                reference: reference, receivedAt: received, channel: channel,
                participants: participants.isEmpty ? nil : try participants.entries())
            let recorded = try database.withDesk { try $0.correct(request, meeting: meetingOption.meeting) }
            print(Self.report(recorded, verb: "Corrected"))
        }

        static func report(_ recorded: CorrectionRecording, verb: String) -> String {
            var text = "\(verb) note \(recorded.note) of \(recorded.delegation) at \(recorded.meeting.code)"
            if recorded.changes.isEmpty { return text + "." }
            text += ":\n" + recorded.changes.map { "  \($0)" }.joined(separator: "\n")
            return text
        }
    }
}
