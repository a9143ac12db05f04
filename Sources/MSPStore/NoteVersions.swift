import GRDB
import MSPDomain

/// A note as recorded now: its current version, by the note's number.
package struct StoredNote: Sendable, Equatable {
    /// The row of the current version.
    package var id: Int64
    /// The note's number, which every version keeps.
    package var number: Int64
    package var delegationId: Int64
    package var represented: Represented
    package var kind: NoteKind
    package var voided: Bool
    package var snapshot: NoteSnapshot
}

extension Store {
    /// The note with this number at the meeting, as its current version says; nil if there is none.
    package func note(number: Int64, meeting: StoredMeeting) throws -> StoredNote? {
        try read { db in
            guard
                let record = try NoteRecord.filter(NoteRecord.Columns.meetingId == meeting.id)
                    .filter(NoteRecord.Columns.replacedBy == nil)
                    .filter(sql: "coalesce(number, id) = ?", arguments: [number])
                    .fetchOne(db)
            else { return nil }
            return try Store.storedNote(record, meeting: meeting.meeting, db)
        }
    }

    static func storedNote(_ record: NoteRecord, meeting: Meeting, _ db: Database) throws -> StoredNote {
        guard let delegation = try DelegationRecord.fetchOne(db, key: record.delegationId) else {
            throw StoreError.corrupt(table: "note", column: "delegation_id", value: String(record.delegationId))
        }
        var organizations: [Int64: Organization] = [:]
        let represented = try represented(
            stateIso3: delegation.stateIso3, organizationId: delegation.organizationId, table: "delegation",
            cache: &organizations, db)
        return StoredNote(
            id: record.id!, number: record.noteNumber, delegationId: record.delegationId, represented: represented,
            kind: record.kind, voided: record.voided,
            snapshot: try snapshot(
                record, name: delegationName(stateIso3: delegation.stateIso3, stored: delegation.name, at: meeting), db)
        )
    }

    static func snapshot(_ record: NoteRecord, name: String, _ db: Database) throws -> NoteSnapshot {
        let participants = try ParticipantRecord.filter(ParticipantRecord.Columns.noteId == record.id!)
            .order(ParticipantRecord.Columns.position).fetchAll(db).map(\.participant)
        return NoteSnapshot(
            delegation: name, reference: record.reference,
            receipt: Receipt(
                instant: Instant(secondsSinceEpoch: record.receivedAt), precision: record.receivedPrecision),
            channel: record.channel, participants: participants)
    }

    /// Records a new version of `note`, as one change: `draft` corrected (nil: the same transcription), voided or
    /// not. The old version stays, marked as replaced; the timelines of the delegations concerned are recomputed.
    @discardableResult
    package func replace(
        _ note: StoredNote, with draft: NoteDraft, voided: Bool, meeting: StoredMeeting, change: ChangeInfo,
        summary: String
    ) throws -> Int64 {
        try transaction { db in
            // The old version leaves the current ones before the new one comes in (a reference is unique among current
            // notes); its link to the new version is checked at commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "UPDATE note SET replaced_by = -1 WHERE id = ?", arguments: [note.id])
            let changeId = try change.insert(db, summary: summary)
            var recorder = NoteRecorder(db: db, meeting: meeting, changeId: changeId)
            let (delegationId, newId) = try recorder.insert(draft, number: note.number, voided: voided, kind: note.kind)
            try db.execute(sql: "UPDATE note SET replaced_by = ? WHERE id = ?", arguments: [newId, note.id])
            try recorder.refreshTimeline(delegationId: delegationId)
            if delegationId != note.delegationId { try recorder.refreshTimeline(delegationId: note.delegationId) }
            return newId
        }
    }

    /// Records the secretariat's decision on a note, as one change (its reason in the change); recomputes the
    /// delegation's composition.
    package func decide(
        _ outcome: Decision, on note: StoredNote, meeting: StoredMeeting, change: ChangeInfo, summary: String
    )
        throws
    {
        try transaction { db in
            let changeId = try change.insert(db, summary: summary)
            var record = DecisionRecord(id: nil, noteNumber: note.number, changeId: changeId, outcome: outcome)
            try record.insert(db)
            let recorder = NoteRecorder(db: db, meeting: meeting, changeId: changeId)
            try recorder.refreshTimeline(delegationId: note.delegationId)
        }
    }

    /// The newest decision on a note, if any.
    package func decision(on note: StoredNote) throws -> DecisionTaken? {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT dc.outcome AS outcome, c.os_user AS decided_by, c.made_at AS decided_at,
                           c.reason AS decision_reason
                    FROM decision dc JOIN change c ON c.id = dc.change_id
                    WHERE dc.note_number = ? ORDER BY dc.id DESC LIMIT 1
                    """, arguments: [note.number])
            return try row.flatMap { try Store.decision($0) }
        }
    }

    /// Sets what the meeting's late notes awaiting a decision do, as one change, and recomputes every delegation's
    /// composition.
    package func setUndecidedLateNotes(_ choice: UndecidedLateNotes, meeting stored: StoredMeeting, change: ChangeInfo)
        throws -> StoredMeeting
    {
        try transaction { db in
            try db.execute(
                sql: "UPDATE meeting SET undecided_late_notes = ? WHERE id = ?", arguments: [choice, stored.id])
            var updated = stored
            updated.meeting.undecidedLateNotes = choice
            let changeId = try change.insert(
                db, summary: "late notes awaiting a decision at \(stored.meeting.code): \(choice.rawValue)")
            let recorder = NoteRecorder(db: db, meeting: updated, changeId: changeId)
            for delegationId in try Int64.fetchAll(
                db, sql: "SELECT id FROM delegation WHERE meeting_id = ?", arguments: [stored.id])
            {
                try recorder.refreshTimeline(delegationId: delegationId)
            }
            return updated
        }
    }
}

/// One version of a note, with the change that recorded it.
package struct NoteVersion: Sendable, Equatable {
    package var id: Int64
    package var number: Int64
    package var kind: NoteKind
    package var voided: Bool
    package var snapshot: NoteSnapshot
    package var recordedAt: Instant
    package var recordedBy: String
    package var command: String
    package var reason: String?
    /// The change that recorded it: changes are numbered in the order they were made.
    package var changeId: Int64
}

extension Store {
    /// Every version of a note, oldest first.
    package func versions(number: Int64, meeting: StoredMeeting) throws -> [NoteVersion] {
        try read { db in try Store.versions(numbers: [number], meeting: meeting, db)[number] ?? [] }
    }

    /// The versions of the notes with these numbers, oldest first, by number.
    static func versions(numbers: [Int64], meeting: StoredMeeting, _ db: Database) throws -> [Int64: [NoteVersion]] {
        guard !numbers.isEmpty else { return [:] }
        let placeholders = numbers.map { _ in "?" }.joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT n.*, d.name AS delegation_name, d.state_iso3 AS delegation_state, c.made_at AS made_at, c.os_user AS os_user,
                       c.command AS command, c.reason AS change_reason
                FROM note n JOIN delegation d ON d.id = n.delegation_id JOIN change c ON c.id = n.change_id
                WHERE n.meeting_id = ? AND coalesce(n.number, n.id) IN (\(placeholders))
                ORDER BY n.id
                """, arguments: StatementArguments([meeting.id] + numbers))
        var versions: [Int64: [NoteVersion]] = [:]
        for row in rows {
            let record = try NoteRecord(row: row)
            versions[record.noteNumber, default: []].append(
                NoteVersion(
                    id: record.id!, number: record.noteNumber, kind: record.kind, voided: record.voided,
                    snapshot: try snapshot(
                        record,
                        name: delegationName(
                            stateIso3: row["delegation_state"], stored: row["delegation_name"], at: meeting.meeting), db
                    ),
                    recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                    command: row["command"], reason: row["change_reason"], changeId: record.changeId))
        }
        return versions
    }

    /// The current notes of a delegation (not voided) recorded since `since`, with their numbers: for the check
    /// against a note typed in twice.
    package func notesRecorded(
        since: Instant, delegation represented: Represented, meeting: StoredMeeting
    ) throws -> [(number: Int64, snapshot: NoteSnapshot)] {
        guard let delegation = try self.delegation(represented, meeting: meeting) else { return [] }
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT n.* FROM note n JOIN change c ON c.id = n.change_id
                    WHERE n.delegation_id = ? AND n.replaced_by IS NULL AND n.voided = 0 AND c.made_at >= ?
                    ORDER BY n.id
                    """, arguments: [delegation.id, since.secondsSinceEpoch])
            return try rows.map { row in
                let record = try NoteRecord(row: row)
                return (record.noteNumber, try Store.snapshot(record, name: delegation.name, db))
            }
        }
    }
}

extension Store {
    /// The number of the delegation's current note (not replaced, not void) with this reference, if it has one.
    ///
    /// One indexed query (the delegation by its State or organization, then `note_reference`): every submission
    /// asks it.
    package func currentNoteNumber(reference: String, of represented: Represented, meeting: StoredMeeting) throws
        -> Int64?
    {
        try read { db in
            let (column, value) = try Store.delegationKey(represented, db)
            guard let value else { return nil }
            return try Int64.fetchOne(
                db,
                sql: """
                    SELECT coalesce(n.number, n.id) FROM note n JOIN delegation d ON d.id = n.delegation_id
                    WHERE d.meeting_id = ? AND d.\(column) = ? AND n.reference = ?
                      AND n.replaced_by IS NULL AND n.voided = 0
                    """, arguments: [meeting.id, value, reference])
        }
    }
}
