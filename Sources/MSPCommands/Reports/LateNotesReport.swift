import MSPApplication
import MSPDomain

/// A late note as `msp list-late` writes it in CSV, JSON and NDJSON.
struct LateNoteRow: ReportRow, Equatable {
    /// The note's number, by which `msp accept` and `msp decline` name it.
    var note: Int64
    var delegation: String
    var category: String
    var reference: String?
    /// `registration` or `amendment`.
    var kind: String
    /// With the meeting's offset.
    var receivedAt: String
    /// `date` when only the day of receipt is known, else `instant`.
    var receivedPrecision: String
    /// From the end of the deadline, for a receipt known to the second; null for one known only by its date.
    var lateBySeconds: Int64?
    /// Days after the deadline's day, for a receipt known only by its date; null otherwise.
    var lateByDays: Int?
    /// "2 days 9 hours", "1 day (date only)".
    var lateBy: String
    var channel: String?
    /// `pending`, `accepted` or `declined`; by whom, when and why (null while pending).
    var decision: String
    var decidedBy: String?
    var decidedAt: String?
    var decisionReason: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case note, delegation, category, reference, kind
        case receivedAt = "received_at"
        case receivedPrecision = "received_precision"
        case lateBySeconds = "late_by_seconds"
        case lateByDays = "late_by_days"
        case lateBy = "late_by"
        case channel, decision
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case decisionReason = "decision_reason"
    }

    init(_ note: LateNote, zone: VenueTimeZone) {
        delegation = note.delegation
        category = note.category.rawValue
        reference = note.reference
        kind = note.kind.rawValue
        receivedAt = zone.format(note.received)
        receivedPrecision = note.receivedPrecision.rawValue
        lateBySeconds = note.lateness.seconds
        lateByDays = note.lateness.days
        lateBy = note.lateness.description
        channel = note.channel?.rawValue
        self.note = note.number
        decision = note.status.description
        decidedBy = note.decision?.by
        decidedAt = note.decision.map { zone.format($0.at) }
        decisionReason = note.decision?.reason
    }
}

/// `msp list-late`: the late notes as rows, or, for people, a table under a line naming the meeting and deadline.
enum LateNotesReport {
    static func render(_ notes: [LateNote], meeting: Meeting, format: OutputFormat) throws -> String {
        guard format == .table else {
            return try Writers.rows(notes.map { LateNoteRow($0, zone: meeting.timeZone) }, as: format)
        }
        return "Late notes for \(meeting.code) (deadline \(MeetingText.deadline(meeting))): \(notes.count)\n"
            + table(notes, zone: meeting.timeZone)
    }

    /// The lines people read (`LateNoteLine`, the portal's page shows the same): "2 days 9 hours" and "(date only)"
    /// rather than seconds and precision; the time first, as people read it.
    static func table(_ notes: [LateNote], zone: VenueTimeZone) -> String {
        guard !notes.isEmpty else { return "(none)\n" }
        return TextTable.render(header: LateNoteLine.columns, rows: notes.map { LateNoteLine($0, zone: zone).cells })
    }
}
