import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp restore`: a voided note counts again.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Restore a voided note.",
            discussion: "Example: msp restore 14 --reason \"Not a duplicate after all: a second note of the same day\"")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var action: NoteAction

        func run() throws {
            let recorded = try database.withDesk {
                try $0.restore(note: action.note, reason: action.reason, meeting: meetingOption.meeting)
            }
            database.confirm("Restored note \(recorded.note) of \(recorded.delegation) at \(recorded.meeting.code).")
        }
    }
}
