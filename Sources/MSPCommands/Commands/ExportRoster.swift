import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp export-roster`: the list of participants.
    struct ExportRoster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-roster",
            abstract: "Export the list of participants.",
            discussion: """
                Grouped by category (States Parties, Signatory States, Observer States, International organizations, \
                Civil society); delegations alphabetically, compared without case or diacritics; the head of delegation \
                first, then alternates, then advisers. Withdrawn delegations are left out.

                --format xlsx: one sheet, the masthead and title at the top, each category a heading row.

                Examples: msp export-roster --format html --output roster.html
                          msp export-roster --format xlsx --output roster.xlsx
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @OptionGroup var output: OutputOptions<RosterFormats>

        init() {}

        func run() throws {
            let (meeting, roster, masthead, pending) = try database.withReadingDesk { desk in
                let (meeting, roster) = try desk.roster(meeting: meetingOption.meeting)
                let masthead = try desk.masthead(.participants, meeting: meeting.code).masthead
                let pending = try desk.lateNotes(meeting: meeting.code).notes.filter { $0.status == .pending }.count
                return (meeting, roster, masthead, pending)
            }
            try RosterReport.write(roster, meeting: meeting, masthead: masthead, to: output)
            if pending > 0 {
                // On standard error: the list itself stays clean for a file or a pipe.
                let what =
                    meeting.undecidedLateNotes == .include
                    ? "the list includes them until they are declined"
                    : "the list leaves them out until they are accepted"
                FileHandle.standardError.write(
                    Data(
                        "msp: \(pending) late note\(pending == 1 ? "" : "s") await\(pending == 1 ? "s" : "") a decision (msp list-late --pending); \(what)\n"
                            .utf8))
            }
        }
    }
}
