import ArgumentParser
import MSPDomain
import MSPApplication
import MSPStore

extension MSP {
    /// `msp history`: a delegation's notes in the order they were received, with who recorded each and when.
    public struct History: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "history", 
            abstract: "Show a delegation's notes and credentials in order: registration, amendments, withdrawals, credentials; who recorded each and when.",
            discussion: "Example: msp history --delegation Uganda --format csv")

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        public var delegation: String

        @OptionGroup public var output: RowOutputOptions

        public init() {}

        public func run() throws {
            let history = try database.withDesk { try $0.history(delegation: delegation, meeting: meetingOption.meeting) }
            let zone = history.meeting.timeZone
            func note(_ entry: HistoryEntry) -> (reference: String?, channel: Channel?, participants: Int?, credentials: CredentialKind?) {
                switch entry.record {
                case .note(_, let reference, let channel, let participants): return (reference, channel, participants, nil)
                case .credentials(let kind): return (nil, nil, nil, kind)
                }
            }
            let rows = RowSet(
                header: ["received_at", "kind", "reference", "channel", "participants", "late", "recorded_at", "recorded_by", "command"],
                rows: history.entries.map { entry in
                    let parts = note(entry)
                    return [zone.format(entry.received) + (entry.receivedPrecision == .date ? " (date only)" : ""),
                            entry.kindName + (parts.credentials.map { ": \($0.argument)" } ?? ""), parts.reference ?? "",
                            parts.channel?.rawValue ?? "", parts.participants.map(String.init) ?? "",
                            parts.credentials != nil ? "" : entry.lateBy.map { "late by \(Deadline.describe(seconds: $0))" } ?? "on time",
                            zone.format(entry.recordedAt), entry.recordedBy, entry.command]
                },
                objects: history.entries.map { entry in
                    let parts = note(entry)
                    var object: [String: Any] = [
                        "delegation": history.delegation, "kind": entry.kindName, "reference": parts.reference.orNull,
                        "received_at": zone.format(entry.received), "received_precision": entry.receivedPrecision.rawValue,
                        "channel": (parts.channel?.rawValue).orNull,
                        "recorded_at": zone.format(entry.recordedAt), "recorded_by": entry.recordedBy, "command": entry.command,
                    ]
                    if let credentials = parts.credentials {
                        object["credentials"] = credentials.rawValue
                    } else {
                        object["participants"] = parts.participants ?? 0
                        object["late"] = entry.lateBy != nil
                        object["late_by_seconds"] = entry.lateBy.orNull
                    }
                    return object
                })
            var text = try rows.render(output.format)
            if output.format == .table {
                text = "Notes and credentials of \(history.delegation) for \(history.meeting.code): \(history.entries.count)\n" + text
            }
            try OutputTarget(path: output.output).write(text)
        }
    }
}
