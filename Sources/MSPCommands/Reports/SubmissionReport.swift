import MSPApplication
import MSPDomain

/// A focal point's submission as `msp submission list` writes it: one row, the same keys in every format.
struct SubmissionRow: ReportRow, Equatable {
    /// Its number, by which `submission show|accept|return` name it.
    var submission: Int64
    var delegation: String
    /// `note` or `withdrawal`.
    var kind: String
    var reference: String?
    /// The portal's clock when it arrived, with the meeting's offset.
    var receivedAt: String
    var late: Bool
    var lateBySeconds: Int64?
    var lateBy: String?
    var participants: Int
    /// The address of the link it came through.
    var focalPoint: String
    /// `pending`, `accepted` or `returned`; by whom, when and (returned) why.
    var status: String
    var decidedBy: String?
    var decidedAt: String?
    var reason: String?
    /// Once accepted: the note it became.
    var note: Int64?
    /// SHA-256 of the attached PDF, hexadecimal.
    var pdfSha256: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case submission, delegation, kind, reference
        case receivedAt = "received_at"
        case late
        case lateBySeconds = "late_by_seconds"
        case lateBy = "late_by"
        case participants
        case focalPoint = "focal_point"
        case status
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case reason, note
        case pdfSha256 = "pdf_sha256"
    }

    init(_ submission: FocalPointSubmission) {
        let zone = submission.meeting.timeZone
        self.submission = submission.id
        delegation = submission.delegation
        kind = submission.kind.rawValue
        reference = submission.reference
        receivedAt = zone.format(submission.received)
        late = submission.lateness.isLate
        lateBySeconds = submission.lateness.seconds
        lateBy = late ? submission.lateness.description : nil
        participants = submission.participants.count
        focalPoint = submission.focalPointEmail
        status = submission.status.rawValue
        decidedBy = submission.decidedBy
        decidedAt = submission.decidedAt.map(zone.format)
        reason = submission.reason
        note = submission.noteNumber
        pdfSha256 = submission.pdfSHA256
    }

    /// Every key in JSON, null when empty.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(submission, forKey: .submission)
        try c.encode(delegation, forKey: .delegation)
        try c.encode(kind, forKey: .kind)
        try c.encode(reference, forKey: .reference)
        try c.encode(receivedAt, forKey: .receivedAt)
        try c.encode(late, forKey: .late)
        try c.encode(lateBySeconds, forKey: .lateBySeconds)
        try c.encode(lateBy, forKey: .lateBy)
        try c.encode(participants, forKey: .participants)
        try c.encode(focalPoint, forKey: .focalPoint)
        try c.encode(status, forKey: .status)
        try c.encode(decidedBy, forKey: .decidedBy)
        try c.encode(decidedAt, forKey: .decidedAt)
        try c.encode(reason, forKey: .reason)
        try c.encode(note, forKey: .note)
        try c.encode(pdfSha256, forKey: .pdfSha256)
    }
}

/// One submission as `msp submission show --format json` writes it: the row's keys and its participants.
struct SubmissionDocument: Encodable {
    var row: SubmissionRow
    var participantList: [ParticipantEntryRow]

    struct ParticipantEntryRow: Encodable {
        var role: String
        var title: String?
        var name: String
        var function: String?
        var gender: String?
        var email: String?
    }

    enum CodingKeys: String, CodingKey {
        case participantList = "participant_list"
    }

    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(participantList, forKey: .participantList)
    }
}

/// `msp submission list` and `msp submission show`.
enum SubmissionReport {
    static func list(_ submissions: [FocalPointSubmission], meeting: Meeting, format: OutputFormat) throws -> String {
        try Writers.rows(submissions.map(SubmissionRow.init), as: format)
    }

    static func show(_ submission: FocalPointSubmission, format: OutputFormat) throws -> String {
        let row = SubmissionRow(submission)
        let participants = submission.participants.map {
            SubmissionDocument.ParticipantEntryRow(
                role: $0.role.rawValue, title: $0.title, name: $0.name, function: $0.function,
                gender: $0.gender?.rawValue, email: $0.email)
        }
        guard format == .table else {
            return try Writers.document(SubmissionDocument(row: row, participantList: participants))
        }
        var text = """
            Submission \(row.submission) (\(row.kind)) of \(row.delegation) for \(submission.meeting.code)
            Reference:    \(row.reference ?? "(none)")
            Received:     \(row.receivedAt) through the link of \(row.focalPoint): \(submission.lateness.timing)
            Status:       \(submission.standing(namingWhoDecided: true))\(row.reason.map { ": \($0)" } ?? "")
            PDF:          \(submission.pdfSize) bytes, SHA-256 \(row.pdfSha256)

            """
        if submission.kind == .note {
            text += "\n"
            text += TextTable.render(
                header: ["role", "title", "name", "function", "gender", "email"],
                rows: participants.map {
                    [$0.role, $0.title ?? "", $0.name, $0.function ?? "", $0.gender ?? "", $0.email ?? ""]
                })
        }
        return text
    }
}
