import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp list-late`: the notes received after the deadline, for the secretariat to decide on.
    struct ListLate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list-late",
            abstract: "List every note received after the deadline, oldest first.",
            discussion: "Example: msp list-late --meeting 7MSP --format json")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let (meeting, notes) = try database.withDesk { try $0.lateNotes(meeting: meetingOption.meeting) }
            try output.write(LateNotesReport.render(notes, meeting: meeting, format: output.format))
        }
    }
}
