import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp undo`: takes back the newest correction, voiding or restoring of a note.
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Undo the newest correction, voiding or restoring of a note.",
            discussion: """
                The version before it becomes the note's current one again, as a new version: history shows all of them.

                Example: msp undo 12 --reason "Corrected the wrong note"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var action: NoteAction

        func run() throws {
            let recorded = try database.withDesk {
                try $0.undo(note: action.note, reason: action.reason, meeting: meetingOption.meeting)
            }
            database.confirm(Correct.report(recorded, verb: "Undid the last change of"))
        }
    }
}
