import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp list-late`: the notes received after the deadline, for the secretariat to decide on.
    struct ListLate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list-late",
            abstract: "List every note received after the deadline, oldest first, with the decision on it.",
            discussion: """
                Each late note has a number, by which 'msp accept' and 'msp decline' name it, and a decision: pending, \
                accepted or declined (by whom, when, why).

                Examples: msp list-late --meeting 7MSP --pending --format json
                          msp list-late --format xlsx --output late.xlsx
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var output: OutputOptions<RowFormats>

        @Flag(help: "Only the late notes awaiting a decision.")
        var pending = false

        init() {}

        func run() throws {
            var (meeting, notes) = try database.withReadingDesk { try $0.lateNotes(meeting: meetingOption.meeting) }
            if pending { notes = notes.filter { $0.status == .pending } }
            try output.write(
                LateNotesReport.render(notes, meeting: meeting, format: output.format),
                workbook: WorkbookOutput.workbook(
                    notes.map { LateNoteRow($0, zone: meeting.timeZone) }, name: "Late notes \(meeting.code)"))
        }
    }
}
