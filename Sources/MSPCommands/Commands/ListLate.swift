import Foundation
import ArgumentParser
import MSPDomain
import MSPApplication

extension MSP {
    /// `msp list-late`: the notes received after the deadline, for the secretariat to decide on.
    public struct ListLate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list-late",
            abstract: "List every note received after the deadline, oldest first.",
            discussion: "Example: msp list-late --meeting 7MSP --format json")

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var meetingOption: MeetingOption
        @OptionGroup public var output: OutputOptions<RowFormats>

        public init() {}

        public func run() throws {
            let (meeting, notes) = try database.withDesk { try $0.lateNotes(meeting: meetingOption.meeting) }
            try output.write(LateNotesReport.render(notes, meeting: meeting, format: output.format))
        }
    }
}
