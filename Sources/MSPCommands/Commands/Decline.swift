import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp decline`: the secretariat declines a late note.
    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline",
            abstract: "Decline a late note: it never changes the list of participants.",
            discussion: """
                NOTE is the number list-late shows. The note stays recorded; a later decision replaces this one.

                Example: msp decline 18 --reason "Received after the meeting opened"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var action: NoteAction

        func run() throws {
            try Decide.run(.declined, action, database: database, meeting: meetingOption.meeting)
        }
    }
}
