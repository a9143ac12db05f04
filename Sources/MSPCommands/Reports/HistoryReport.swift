import MSPApplication
import MSPDomain

/// One record of a delegation's history as `msp history` writes it in CSV, JSON and NDJSON: a note (registration,
/// amendment, withdrawal) as first recorded, what the secretariat did to it since (correction, voiding, restoring, a
/// decision, with its reason), credentials presented, or a focal point's link issued, re-issued or revoked (with the
/// address it was sent to, never any part of the token); each with who recorded it and when.
///
/// In JSON a note has no `credentials` or `email` key and credentials have no `participants`, `late` or
/// `late_by_seconds`; in CSV those cells are empty.
struct HistoryRow: ReportRow, Equatable {
    var delegation: String
    /// The note's number (null for credentials).
    var note: Int64?
    /// `registration`, `amendment`, `withdrawal`, `credentials`, `correction`, `voiding`, `restoring`, `accepted`,
    /// `declined`, `focal_point_issued`, `focal_point_reissued` or `focal_point_revoked`.
    var kind: String
    var reference: String?
    var receivedAt: String
    var receivedPrecision: String
    var channel: String?
    var recordedAt: String
    var recordedBy: String
    var command: String
    /// For credentials: `original`, `copy` or `note_verbale`.
    var credentials: String?
    /// For a note: how many participants it lists.
    var participants: Int?
    /// For a note: whether it came after the deadline, and by how much: seconds for a receipt known to the second,
    /// days for one known only by its date (the other null), and in words.
    var late: Bool?
    var lateBySeconds: Int64?
    var lateByDays: Int?
    var lateBy: String?
    /// For a correction: what changed, one change a line.
    var changes: String?
    /// The reason given for a correction, voiding, restoring or decision, or a focal point's link re-issued or revoked.
    var reason: String?
    /// For a focal point's link: the address it was sent to.
    var email: String?
    /// For a focal point's submission: its number, and whether it is a `note` or a `withdrawal`.
    var submission: Int64?
    var submissionKind: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delegation, note, kind, reference
        case receivedAt = "received_at"
        case receivedPrecision = "received_precision"
        case channel
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
        case command, credentials, participants, late
        case lateBySeconds = "late_by_seconds"
        case lateByDays = "late_by_days"
        case lateBy = "late_by"
        case changes, reason, email, submission
        case submissionKind = "submission_kind"
    }

    init(_ entry: HistoryEntry, delegation: String, zone: VenueTimeZone) {
        self.delegation = delegation
        note = entry.number
        reason = entry.reason
        kind = entry.kindName
        receivedAt = zone.format(entry.received)
        receivedPrecision = entry.receivedPrecision.rawValue
        recordedAt = zone.format(entry.recordedAt)
        recordedBy = entry.recordedBy
        command = entry.command
        switch entry.record {
        case .note(_, let reference, let channel, let participants):
            self.reference = reference
            self.channel = channel?.rawValue
            setTiming(participants: participants, lateness: entry.lateness)
        case .credentials(let kind):
            credentials = kind.rawValue
        case .corrected(let lines):
            changes = lines.joined(separator: "\n")
        case .focalPoint(_, let email):
            self.email = email
        case .submission(let event, let id, let kind, let reference, let participants):
            submission = id
            submissionKind = kind.rawValue
            self.reference = reference
            if event == .received { setTiming(participants: participants, lateness: entry.lateness) }
        case .voided, .restored, .decided:
            break
        }
    }

    /// A note's (or a received submission's) figures: how many it lists, and whether and how late it came.
    private mutating func setTiming(participants: Int, lateness: Lateness?) {
        self.participants = participants
        let lateness = lateness ?? .onTime
        late = lateness.isLate
        lateBySeconds = lateness.seconds
        lateByDays = lateness.days
        lateBy = lateness.isLate ? lateness.description : nil
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(delegation, forKey: .delegation)
        try c.encode(note, forKey: .note)
        try c.encode(kind, forKey: .kind)
        try c.encode(reference, forKey: .reference)
        try c.encode(receivedAt, forKey: .receivedAt)
        try c.encode(receivedPrecision, forKey: .receivedPrecision)
        try c.encode(channel, forKey: .channel)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(command, forKey: .command)
        try c.encode(reason, forKey: .reason)
        if let submission {
            try c.encode(submission, forKey: .submission)
            try c.encode(submissionKind, forKey: .submissionKind)
        }
        if let credentials {
            try c.encode(credentials, forKey: .credentials)
        } else if let email {
            try c.encode(email, forKey: .email)
        } else if let changes {
            try c.encode(changes, forKey: .changes)
        } else if participants != nil {
            try c.encode(participants ?? 0, forKey: .participants)
            try c.encode(late ?? false, forKey: .late)
            try c.encode(lateBySeconds, forKey: .lateBySeconds)
            try c.encode(lateByDays, forKey: .lateByDays)
            try c.encode(lateBy, forKey: .lateBy)
        }
    }
}

/// `msp history`: a delegation's records as rows, or, for people, a table under a line naming the delegation.
enum HistoryReport {
    static func render(_ history: (name: String, entries: [HistoryEntry]), meeting: Meeting, format: OutputFormat)
        throws -> String
    {
        let zone = meeting.timeZone
        guard format == .table else {
            return try Writers.rows(
                history.entries.map { HistoryRow($0, delegation: history.name, zone: zone) }, as: format)
        }
        return "Notes, credentials and focal points of \(history.name) for \(meeting.code): \(history.entries.count)\n"
            + table(history.entries, zone: zone)
    }

    /// The lines people read (`HistoryLine`, the portal's page shows the same), as a table.
    static func table(_ entries: [HistoryEntry], zone: VenueTimeZone) -> String {
        guard !entries.isEmpty else { return "(none)\n" }
        return TextTable.render(
            header: HistoryLine.columns, rows: entries.map { HistoryLine($0, zone: zone).cells })
    }
}
