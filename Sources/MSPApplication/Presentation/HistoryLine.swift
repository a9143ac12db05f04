import MSPDomain
import MSPStore

/// One record of a delegation's history as people read it, worded once for every front end: the rows of
/// `msp history`'s table and of the portal's history page are these lines.
///
/// CSV, JSON and the workbook keep the record's own fields (`HistoryRow` in MSPCommands); this is the line for
/// people: a receipt "(date only)" when only its day is known, what happened in words, and "on time" or how late.
package struct HistoryLine: Sendable, Equatable {
    /// The columns, in order, as the command line heads them; the portal heads the same columns in words
    /// (`headings`).
    package static let columns = [
        "received_at", "note", "kind", "reference", "channel", "participants", "late", "recorded_at", "recorded_by",
        "command", "reason",
    ]
    /// The same columns as the portal's page heads them.
    package static let headings = [
        "Received", "Note", "What", "Reference", "Channel", "Participants", "Timing", "Recorded", "By", "Command",
        "Reason",
    ]

    package var received: String
    package var note: String
    /// What happened, in words: "registration", "credentials: original", "correction: ...", "late note accepted",
    /// "focal point's link re-issued: fp@example.org", "submission 3 (note) received".
    package var what: String
    package var reference: String
    /// How the note came: "e-mail", "post", ...; "portal" for a focal point's submission.
    package var channel: String
    /// For a note: how many participants it lists.
    package var participants: String
    /// For a note: "on time" or "late by ...".
    package var timing: String
    package var recordedAt: String
    package var recordedBy: String
    package var command: String
    package var reason: String

    /// The cells in the order of `columns`.
    package var cells: [String] {
        [received, note, what, reference, channel, participants, timing, recordedAt, recordedBy, command, reason]
    }

    package init(_ entry: HistoryEntry, zone: VenueTimeZone) {
        received = zone.format(entry.received, precision: entry.receivedPrecision)
        note = entry.number.map(String.init) ?? ""
        reference = ""
        channel = ""
        participants = ""
        timing = ""
        switch entry.record {
        case .note(let kind, let reference, let channel, let count):
            what = kind.rawValue
            self.reference = reference ?? ""
            self.channel = channel?.rawValue ?? ""
            participants = kind == .withdrawal ? "" : String(count)
            timing = entry.lateness?.timing ?? ""
        case .credentials(let kind):
            what = "credentials: \(kind.argument)"
        case .corrected(let lines):
            what = "correction: " + lines.joined(separator: "; ")
        case .voided:
            what = "voided"
        case .restored:
            what = "restored"
        case .decided(let decision):
            what = "late note \(decision.rawValue)"
        case .focalPoint(let event, let email):
            what = "focal point's link \(event == .reissued ? "re-issued" : event.rawValue): \(email)"
        case .submission(let event, let id, let kind, let reference, let count):
            what = "submission \(id) (\(kind.rawValue)) \(event.rawValue)"
            self.reference = reference ?? ""
            channel = "portal"
            if event == .received {
                participants = kind == .note ? String(count) : ""
                timing = entry.lateness?.timing ?? ""
            }
        }
        recordedAt = zone.format(entry.recordedAt)
        recordedBy = entry.recordedBy
        command = entry.command
        reason = entry.reason ?? ""
    }
}
