import ArgumentParser
import MSPDomain
import MSPStore

extension MSP {
    /// `msp history`: a delegation's notes in the order they were received, with who recorded each and when.
    public struct History: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "history", 
            abstract: "Show a delegation's notes in order: registration, amendments, withdrawals, who recorded each and when.",
            discussion: "Example: msp history --delegation Uganda --format csv")

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        public var delegation: String

        @OptionGroup public var output: RowOutputOptions

        public init() {}

        public func run() throws {
            let (stored, history) = try database.withStore { store in
                let stored = try store.meeting(code: meetingOption.meeting)
                return (stored, try store.history(delegation: delegation, meeting: stored))
            }
            let zone = stored.meeting.timeZone
            let rows = RowSet(
                header: ["received_at", "kind", "reference", "channel", "participants", "late", "recorded_at", "recorded_by", "command"],
                rows: history.entries.map { entry in
                    [zone.format(entry.received) + (entry.receivedPrecision == .date ? " (date only)" : ""),
                     entry.kind.rawValue, entry.reference ?? "", entry.channel?.rawValue ?? "", String(entry.participantCount),
                     entry.lateBy.map { "late by \(Deadline.describe(seconds: $0))" } ?? "on time",
                     zone.format(entry.recordedAt), entry.recordedBy, entry.command]
                },
                objects: history.entries.map { entry in
                    [
                        "delegation": history.name, "kind": entry.kind.rawValue, "reference": entry.reference.orNull,
                        "received_at": zone.format(entry.received), "received_precision": entry.receivedPrecision.rawValue,
                        "channel": (entry.channel?.rawValue).orNull, "participants": entry.participantCount,
                        "late": entry.lateBy != nil, "late_by_seconds": entry.lateBy.orNull,
                        "recorded_at": zone.format(entry.recordedAt), "recorded_by": entry.recordedBy, "command": entry.command,
                    ]
                })
            var text = try rows.render(output.format)
            if output.format == .table {
                text = "Notes of \(history.name) for \(stored.meeting.code): \(history.entries.count)\n" + text
            }
            try OutputTarget(path: output.output).write(text)
        }
    }
}
