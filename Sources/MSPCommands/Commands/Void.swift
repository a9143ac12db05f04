import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp void`: a note recorded by mistake leaves everything but the history.
    struct Void: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract:
                "Void a note recorded by mistake: it leaves the list of participants, the late notes and the figures.",
            discussion: """
                Nothing is deleted: history shows the note, the voiding, who voided it and why. 'msp restore NOTE' \
                brings it back.

                Example: msp void 14 --reason "Typed twice: the same note as 13"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var action: NoteAction

        func run() throws {
            let recorded = try database.withDesk {
                try $0.void(note: action.note, reason: action.reason, meeting: meetingOption.meeting)
            }
            database.confirm(
                "Voided note \(recorded.note) of \(recorded.delegation) at \(recorded.meeting.code); history keeps it.")
        }
    }
}
