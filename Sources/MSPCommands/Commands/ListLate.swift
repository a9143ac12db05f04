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
        @OptionGroup public var output: RowOutputOptions

        public init() {}

        public func run() throws {
            let (meeting, notes) = try database.withDesk { try $0.lateNotes(meeting: meetingOption.meeting) }
            let zone = meeting.timeZone
            // The table is for people ("2 days 9 hours", "(date only)"); CSV carries the same fields as JSON.
            let rows: RowSet
            if output.format == .table {
                rows = RowSet(
                    header: ["received_at", "late_by", "delegation", "category", "kind", "reference", "channel"],
                    rows: notes.map { note in
                        [zone.format(note.received) + (note.receivedPrecision == .date ? " (date only)" : ""),
                         Deadline.describe(seconds: note.lateBy), note.delegation, note.category.rawValue, note.kind.rawValue,
                         note.reference ?? "", note.channel?.rawValue ?? ""]
                    },
                    objects: [])
            } else {
                rows = RowSet(
                    header: ["delegation", "category", "reference", "kind", "received_at", "received_precision",
                             "late_by_seconds", "late_by", "channel"],
                    rows: notes.map { note in
                        [note.delegation, note.category.rawValue, note.reference ?? "", note.kind.rawValue,
                         zone.format(note.received), note.receivedPrecision.rawValue, String(note.lateBy),
                         Deadline.describe(seconds: note.lateBy), note.channel?.rawValue ?? ""]
                    },
                    objects: notes.map { note in
                        [
                            "delegation": note.delegation, "category": note.category.rawValue,
                            "reference": note.reference.orNull, "kind": note.kind.rawValue,
                            "received_at": zone.format(note.received), "received_precision": note.receivedPrecision.rawValue,
                            "late_by_seconds": note.lateBy, "late_by": Deadline.describe(seconds: note.lateBy),
                            "channel": (note.channel?.rawValue).orNull,
                        ]
                    })
            }
            var text = try rows.render(output.format)
            if output.format == .table {
                text = "Late notes for \(meeting.code) (deadline \(MeetingText.deadline(meeting))): \(notes.count)\n" + text
            }
            try OutputTarget(path: output.output).write(text)
        }
    }
}
