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
                Give the fields that were wrong; the others stay. One participant is corrected by its number in the \
                note (as 'msp find-person' shows it beside the note's number): --participant 2 with --name, --function, \
                --gender, --email or --role, each on its own; the fields not given stay as they were. --head alone \
                corrects the head in the same way: \"Ms. Megan Burke; Director\" corrects the name and function and \
                keeps the gender and e-mail. To replace the whole list of participants, give all of them with --head, \
                --alternate and --adviser and add --replace-list; a list without --replace-list is refused, since a \
                participant left out of it would leave the list of participants. The note as first recorded is kept: \
                history shows it, the correction, who made it and why. 'msp undo NOTE' takes the correction back.

                Examples:
                  msp correct 12 --received 2017-08-18T16:05 --reason "Time stamp of the e-mail, not of printing"
                  msp correct 18 --participant 2 --function "Treaty Implementation Director" --reason "Misread"
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

        /// The head alone (corrected field by field), or with --replace-list the whole list as it should read.
        @OptionGroup var participants: ParticipantOptions

        @Flag(help: "--head, --alternate and --adviser give the whole list of participants as it should read.")
        var replaceList = false

        @Option(help: ArgumentHelp("The participant to correct, by its number in the note.", valueName: "number"))
        var participant: Int?

        @Option(help: ArgumentHelp("With --participant: the name, with its honorific.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("With --participant: the function.", valueName: "function"))
        var function: String?

        @Option(help: ArgumentHelp("With --participant: female, male or other.", valueName: "gender"))
        var gender: String?

        @Option(help: ArgumentHelp("With --participant: the e-mail address.", valueName: "address"))
        var email: String?

        @Option(help: ArgumentHelp("With --participant: head, alternate or adviser.", valueName: "role"))
        var role: String?

        /// The fields of one participant given.
        var participantFields: Submission.ParticipantEntry? {
            let fields = Submission.ParticipantEntry(
                role: role, name: name, function: function, gender: gender, email: email)
            return [role, name, function, gender, email].allSatisfy({ $0 == nil }) ? nil : fields
        }

        func validate() throws {
            if participantFields != nil && participant == nil {
                throw ValidationError(
                    "--name, --function, --gender, --email and --role correct one participant: say which with --participant NUMBER"
                )
            }
            let given = [delegation, category, reference, received, channel].compactMap { $0 }
            if given.isEmpty && participants.isEmpty && participant == nil {
                throw ValidationError(
                    "give what is to be corrected: --delegation, --reference, --received, --channel, --participant or the participants"
                )
            }
            if let participant {
                guard participant >= 1 else { throw ValidationError("--participant: the first participant is 1") }
                guard participants.isEmpty else {
                    throw ValidationError(
                        "--participant corrects one participant; --head, --alternate and --adviser give the list: use one or the other"
                    )
                }
            }
            if replaceList && participants.isEmpty {
                throw ValidationError("--replace-list: give the whole list with --head, --alternate and --adviser")
            }
        }

        func run() throws {
            let request = CorrectionRequest(
                note: action.note, reason: action.reason, delegation: delegation, category: category,
                reference: reference, receivedAt: received, channel: channel,
                participants: try participantsCorrection())
            let recorded = try database.withDesk { try $0.correct(request, meeting: meetingOption.meeting) }
            database.confirm(Self.report(recorded, verb: "Corrected"))
        }

        /// One participant's fields, or the participants listed (the whole list with --replace-list).
        func participantsCorrection() throws -> ParticipantsCorrection? {
            if let participant {
                return .participant(
                    participant - 1, participantFields ?? Submission.ParticipantEntry(role: nil, name: nil))
            }
            return participants.isEmpty ? nil : .list(try participants.entries(), wholeList: replaceList)
        }

        static func report(_ recorded: CorrectionRecording, verb: String) -> String {
            var text = "\(verb) note \(recorded.note) of \(recorded.delegation) at \(recorded.meeting.code)"
            if recorded.changes.isEmpty { return text + "." }
            text += ":\n" + recorded.changes.map { "  \($0)" }.joined(separator: "\n")
            return text
        }
    }
}
