import Foundation
import ArgumentParser
import MSPDomain
import MSPStore

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
            let (stored, notes) = try database.withStore { store in
                let stored = try store.meeting(code: meetingOption.meeting)
                return (stored, try store.lateNotes(stored))
            }
            try output.write(LateNotesReport.render(notes, meeting: stored.meeting, format: output.format))
        }
    }
}
