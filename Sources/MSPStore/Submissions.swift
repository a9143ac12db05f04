import Foundation
import GRDB
import MSPDomain

/// A focal point's submission as the store holds it, without its PDF (`submissionPDF` reads that).
package struct SubmissionEntry: Sendable, Equatable {
    package var id: Int64
    package var meetingId: Int64
    package var represented: Represented
    /// The delegation's name at the meeting: a State's as on the opening day.
    package var delegation: String
    /// The link it came through, and the address that link was sent to.
    package var focalPointId: Int64
    package var focalPointEmail: String
    /// A note or a withdrawal.
    package var kind: SubmissionKind
    /// The server's clock when it arrived.
    package var received: Instant
    package var content: SubmissionContent
    package var pdfSha256: Data
    package var pdfSize: Int
    package var status: SubmissionStatus
    /// Who accepted or returned it, when, and (returned) why; nil while pending.
    package var decided: FocalPointEntry.Event?
    /// Once accepted: the number of the note it became.
    package var noteNumber: Int64?
}

extension Store {
    /// Records a submission that arrived through the working link `focalPointId`, as one change. The delegation is
    /// the link's: nothing in the submission names it. A link revoked meanwhile is refused (`.notFound` on `token`).
    /// `mail` composes the message to its focal point from the submission as stored; it is queued in the same
    /// transaction (nil queues none).
    package func addSubmission(
        focalPoint focalPointId: Int64, meeting: StoredMeeting, kind: SubmissionKind = .note,
        content: SubmissionContent, pdf: Data, pdfSha256: Data, received: Instant, change: ChangeInfo, summary: String,
        mail: (SubmissionEntry) throws -> QueuedMail?
    ) throws -> SubmissionEntry {
        let json = try content.json()
        return try transaction { db in
            let changeId = try change.insert(db, summary: summary)
            try db.execute(
                sql: """
                    INSERT INTO submission (meeting_id, state_iso3, organization_id, focal_point_id, received_at,
                                            change_id, kind, content, pdf_size, pdf_sha256, status)
                    SELECT meeting_id, state_iso3, organization_id, id, ?, ?, ?, ?, ?, ?, 'pending'
                    FROM focal_point WHERE id = ? AND meeting_id = ? AND revoked_at IS NULL
                    """,
                arguments: [
                    received.secondsSinceEpoch, changeId, kind, json, pdf.count, pdfSha256, focalPointId, meeting.id,
                ])
            guard db.changesCount == 1 else {
                throw InputError(
                    "this link does not work: it may have been revoked or replaced; ask the secretariat for a new one",
                    field: FieldPath.key("token"), reason: .notFound)
            }
            let id = db.lastInsertedRowID
            try db.execute(
                sql: "INSERT INTO submission_document (submission_id, pdf) VALUES (?, ?)", arguments: [id, pdf])
            guard let entry = try Store.submissions(db, where: "s.id = ?", arguments: [id], meeting: meeting).first
            else { throw StoreError.corrupt(table: "submission", column: "id", value: String(id)) }
            try Store.notify(mail, about: entry, changeId: changeId, at: change.at, db)
            return entry
        }
    }

    /// The meeting's submissions with `status` (every one when nil), oldest first (by receipt, then arrival).
    package func submissions(meeting: StoredMeeting, status: SubmissionStatus?) throws -> [SubmissionEntry] {
        try read { db in
            if let status {
                return try Store.submissions(
                    db, where: "s.meeting_id = ? AND s.status = ?", arguments: [meeting.id, status], meeting: meeting)
            }
            return try Store.submissions(db, where: "s.meeting_id = ?", arguments: [meeting.id], meeting: meeting)
        }
    }

    /// One page of the queue: `limit` pending submissions from the `offset`-th, oldest first, and the `decided` most
    /// recently decided (accepted or returned), newest decision first. Only these rows are read.
    package func queuePage(meeting: StoredMeeting, offset: Int, limit: Int, decided: Int) throws -> (
        pending: [SubmissionEntry], decided: [SubmissionEntry]
    ) {
        try read { db in
            (
                try Store.submissions(
                    db, where: "s.meeting_id = ? AND s.status = 'pending'",
                    arguments: [meeting.id], meeting: meeting, order: "s.received_at, s.id LIMIT ? OFFSET ?",
                    paging: [limit, offset]),
                try Store.submissions(
                    db, where: "s.meeting_id = ? AND s.status <> 'pending'", arguments: [meeting.id],
                    meeting: meeting, order: "s.decided_change_id DESC LIMIT ?", paging: [decided])
            )
        }
    }

    /// How many of the meeting's submissions are pending, how many of those arrived from `late` on, and how many
    /// were decided: counted on the queue's index.
    package func queueCounts(meeting: StoredMeeting, late: Instant) throws -> (pending: Int, late: Int, decided: Int) {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) FILTER (WHERE status = 'pending'),
                           count(*) FILTER (WHERE status = 'pending' AND received_at >= ?),
                           count(*) FILTER (WHERE status <> 'pending')
                    FROM submission WHERE meeting_id = ?
                    """, arguments: [late.secondsSinceEpoch, meeting.id])
            return (row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0)
        }
    }

    /// What `represented` submitted for the meeting, through any of its links, oldest first.
    package func submissions(of represented: Represented, meeting: StoredMeeting) throws -> [SubmissionEntry] {
        try read { db in
            let (column, value) = try Store.delegationKey(represented, db)
            guard let value else { return [] }
            return try Store.submissions(
                db, where: "s.meeting_id = ? AND s.\(column) = ?", arguments: [meeting.id, value], meeting: meeting)
        }
    }

    /// The oldest of the delegation's submissions awaiting the secretariat that carries this reference, if any.
    package func pendingSubmissionId(reference: String, of represented: Represented, meeting: StoredMeeting) throws
        -> Int64?
    {
        try read { db in
            let (column, value) = try Store.delegationKey(represented, db)
            guard let value else { return nil }
            return try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM submission
                    WHERE meeting_id = ? AND \(column) = ? AND status = 'pending'
                      AND json_extract(content, '$.reference') = ?
                    ORDER BY id LIMIT 1
                    """, arguments: [meeting.id, value, reference])
        }
    }

    /// What `represented`'s focal points submitted and what the secretariat did with it, as history entries: each
    /// submission received (by its link's address, at its receipt time), then accepted or returned (by whom, when,
    /// and why).
    package func submissionHistory(of represented: Represented, meeting: StoredMeeting) throws -> [HistoryEntry] {
        try submissions(of: represented, meeting: meeting).flatMap { submission in
            func entry(_ event: HistoryEntry.SubmissionEvent, at: Instant, by: String, command: String, reason: String?)
                -> HistoryEntry
            {
                HistoryEntry(
                    record: .submission(
                        event, id: submission.id, kind: submission.kind, reference: submission.content.reference,
                        participants: submission.content.participants.count),
                    number: event == .accepted ? submission.noteNumber : nil, reason: reason, received: at,
                    receivedPrecision: .instant,
                    lateness: event == .received
                        ? meeting.meeting.lateness(of: Receipt(instant: submission.received, precision: .instant))
                        : nil,
                    recordedAt: at, recordedBy: by, command: command)
            }
            var entries = [
                entry(
                    .received, at: submission.received, by: "focal point \(submission.focalPointEmail)",
                    command: "submit", reason: nil)
            ]
            if let decided = submission.decided {
                entries.append(
                    entry(
                        submission.status == .accepted ? .accepted : .returned, at: decided.at, by: decided.by,
                        command: decided.command, reason: decided.reason))
            }
            return entries
        }
    }

    /// The meeting's submission `id`, if it is one of the meeting's.
    package func submission(id: Int64, meeting: StoredMeeting) throws -> SubmissionEntry? {
        try read { db in
            try Store.submissions(
                db, where: "s.id = ? AND s.meeting_id = ?", arguments: [id, meeting.id], meeting: meeting
            ).first
        }
    }

    /// The PDF attached to the meeting's submission `id`, as it arrived.
    package func submissionPDF(id: Int64, meeting: StoredMeeting) throws -> Data? {
        try read { db in
            try Data.fetchOne(
                db,
                sql: """
                    SELECT d.pdf FROM submission_document d JOIN submission s ON s.id = d.submission_id
                    WHERE s.id = ? AND s.meeting_id = ?
                    """, arguments: [id, meeting.id])
        }
    }

    /// Accepts a pending submission: records `draft` (made from it) as a note, as `register` records one, and marks
    /// the submission accepted with the note's number, in one change. A submission decided meanwhile is refused
    /// (`.conflict` on `submission`), and so is a reference the delegation has recorded already (on `reference`).
    package func acceptSubmission(
        _ id: Int64, draft: NoteDraft, meeting: StoredMeeting, change: ChangeInfo, summary: String,
        mail: (SubmissionEntry) throws -> QueuedMail?
    ) throws -> (submission: SubmissionEntry, note: RecordedNote) {
        try transaction { db in
            let changeId = try change.insert(db, summary: summary)
            var recorder = NoteRecorder(db: db, meeting: meeting, changeId: changeId)
            let recorded = try recorder.record(draft)
            try Store.decideSubmission(id, status: .accepted, changeId: changeId, note: recorded.noteId, db)
            guard let entry = try Store.submissions(db, where: "s.id = ?", arguments: [id], meeting: meeting).first
            else { throw StoreError.corrupt(table: "submission", column: "id", value: String(id)) }
            try Store.notify(mail, about: entry, changeId: changeId, at: change.at, db)
            return (entry, recorded)
        }
    }

    /// Returns a pending submission to its focal point, as one change whose reason is the secretariat's. A
    /// submission decided meanwhile is refused (`.conflict` on `submission`).
    package func returnSubmission(
        _ id: Int64, meeting: StoredMeeting, change: ChangeInfo, summary: String,
        mail: (SubmissionEntry) throws -> QueuedMail?
    ) throws -> SubmissionEntry {
        try transaction { db in
            let changeId = try change.insert(db, summary: summary)
            try Store.decideSubmission(id, status: .returned, changeId: changeId, note: nil, db)
            guard let entry = try Store.submissions(db, where: "s.id = ?", arguments: [id], meeting: meeting).first
            else { throw StoreError.corrupt(table: "submission", column: "id", value: String(id)) }
            try Store.notify(mail, about: entry, changeId: changeId, at: change.at, db)
            return entry
        }
    }

    /// Queues the message `compose` makes of a submission as the change left it, in the change's transaction: the
    /// one hook every operation on submissions calls (arrival, acceptance, return, and any added later).
    static func notify(
        _ compose: (SubmissionEntry) throws -> QueuedMail?, about entry: SubmissionEntry, changeId: Int64,
        at: Instant, _ db: Database
    ) throws {
        guard let mail = try compose(entry) else { return }
        try enqueue(mail, meetingId: entry.meetingId, submissionId: entry.id, changeId: changeId, at: at, db)
    }

    /// Sets a pending submission's status, once.
    private static func decideSubmission(
        _ id: Int64, status: SubmissionStatus, changeId: Int64, note: Int64?, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                UPDATE submission SET status = ?, decided_change_id = ?, note_number = ?
                WHERE id = ? AND status = 'pending'
                """,
            arguments: [status, changeId, note, id])
        guard db.changesCount == 1 else {
            throw InputError(
                "submission \(id) was accepted or returned already", field: FieldPath.key("submission"),
                reason: .conflict)
        }
    }

    /// The submissions matching a condition on `submission s`, oldest first, without their PDFs.
    private static func submissions(
        _ db: Database, where condition: String, arguments: StatementArguments, meeting: StoredMeeting,
        order: String = "s.received_at, s.id", paging: StatementArguments = []
    ) throws -> [SubmissionEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.meeting_id, s.state_iso3, s.organization_id, s.focal_point_id, s.received_at, s.kind,
                       s.content, s.pdf_sha256, s.pdf_size, s.status, s.note_number,
                       f.email AS focal_point_email, f.name AS focal_point_name,
                       c.made_at AS decided_at, c.os_user AS decided_by, c.command AS decided_command,
                       c.reason AS decided_reason, s.decided_change_id
                FROM submission s
                JOIN focal_point f ON f.id = s.focal_point_id
                LEFT JOIN change c ON c.id = s.decided_change_id
                WHERE \(condition)
                ORDER BY \(order)
                """, arguments: arguments + paging)
        var organizations: [Int64: Organization] = [:]
        return try rows.map { row in
            let id: Int64 = row["id"]
            let stateIso3: String? = row["state_iso3"]
            let organizationId: Int64? = row["organization_id"]
            let represented = try Store.represented(
                stateIso3: stateIso3, organizationId: organizationId, table: "submission", cache: &organizations, db)
            let decidedChange: Int64? = row["decided_change_id"]
            let decided = decidedChange.map { _ in
                FocalPointEntry.Event(
                    at: Instant(secondsSinceEpoch: row["decided_at"]), by: row["decided_by"],
                    command: row["decided_command"], reason: row["decided_reason"])
            }
            return SubmissionEntry(
                id: id, meetingId: row["meeting_id"], represented: represented,
                delegation: Store.delegationName(
                    stateIso3: stateIso3, stored: row["focal_point_name"], at: meeting.meeting),
                focalPointId: row["focal_point_id"], focalPointEmail: row["focal_point_email"],
                kind: try row.stored("kind", of: "submission"),
                received: Instant(secondsSinceEpoch: row["received_at"]),
                content: try SubmissionContent.decode(row["content"], id: id),
                pdfSha256: row["pdf_sha256"], pdfSize: row["pdf_size"],
                status: try row.stored("status", of: "submission"), decided: decided,
                noteNumber: row["note_number"])
        }
    }
}

extension Store {
    /// The participants of a delegation's composition as the list of participants counts it (its newest note that
    /// lists participants), in the note's order; empty when it has none or is withdrawn.
    package func composition(of delegation: RegisteredDelegation) throws -> [Participant] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.role, p.title, p.name, p.function, p.gender, p.email
                    FROM delegation d JOIN participant p ON p.note_id = d.composition_note_id
                    WHERE d.id = ? AND d.withdrawn = 0
                    ORDER BY p.position
                    """, arguments: [delegation.id])
            return try rows.map { row in
                Participant(
                    role: try row.stored("role", of: "participant"), title: row["title"], name: row["name"],
                    function: row["function"], gender: try row.storedIfPresent("gender", of: "participant"),
                    email: row["email"])
            }
        }
    }
}
