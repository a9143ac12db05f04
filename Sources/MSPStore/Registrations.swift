import GRDB
import MSPDomain

/// What recording a note did.
package struct RecordedNote: Sendable, Equatable {
    package var noteId: Int64
    package var delegation: String
    package var category: Category
    package var kind: NoteKind
    package var participantCount: Int
    package var lateness: Lateness
}

extension Store {
    /// The convention's membership records as the database holds them now.
    package func membership(convention: String) throws -> TreatyMembership {
        try read { try Store.membership(convention: convention, $0) }
    }

    /// The membership records of the States `iso3` only: all that checking a note of one delegation reads, where
    /// a convention has some 130 records.
    package func membership(convention: String, states iso3: [String]) throws -> TreatyMembership {
        try read { db in
            let records = try TreatyMembershipRecord.filter {
                $0.convention == convention && iso3.contains($0.stateIso3)
            }
            .fetchAll(db)
            return TreatyMembership(convention: convention, records: records.map(\.record))
        }
    }

    static func membership(convention: String, _ db: Database) throws -> TreatyMembership {
        let records = try TreatyMembershipRecord.filter { $0.convention == convention }.fetchAll(db)
        return TreatyMembership(convention: convention, records: records.map(\.record))
    }

    /// Finds States (from the embedded UN table) and organizations (from the database).
    package func resolver() throws -> DelegationResolver {
        try read { try Store.resolver($0) }
    }

    static func resolver(_ db: Database) throws -> DelegationResolver {
        DelegationResolver(
            states: ReferenceData.states,
            organizations: try OrganizationRecord.fetchAll(db).map(\.organization))
    }

    /// A resolver for one typed name: the organizations that name can find, looked up by key, rather than all of
    /// them (a meeting of COP scale knows thousands). When the name finds neither a State nor an organization,
    /// every organization is loaded, so that the error can suggest the nearest names.
    package func resolver(for typed: String) throws -> DelegationResolver {
        if ReferenceData.states.find(typed) != nil {
            return DelegationResolver(states: ReferenceData.states, organizations: [])
        }
        return try read { db in
            let keys = Array(
                Set([NameKey.of(typed), NameKey.of(Organization.fromTyped(typed, category: .civilSociety).name)]))
            let found = OrganizationKeyRecord.filter { keys.contains($0.key) }.select(\.organizationId)
            let matches = try OrganizationRecord.filter { found.contains($0.id) }.fetchAll(db)
            if matches.isEmpty { return try Store.resolver(db) }
            return DelegationResolver(states: ReferenceData.states, organizations: matches.map(\.organization))
        }
    }

    /// Records checked notes in one transaction, as one change; with `dryRun`, checks everything the database
    /// checks (duplicate references included) and rolls back.
    package func record(
        _ drafts: [NoteDraft], meeting: StoredMeeting, change: ChangeInfo, summary: String,
        dryRun: Bool = false
    ) throws -> [RecordedNote] {
        let work = { (db: Database) throws -> [RecordedNote] in
            let changeId = try change.insert(db, summary: summary)
            var recorder = NoteRecorder(db: db, meeting: meeting, changeId: changeId)
            return try drafts.map { try recorder.record($0) }
        }
        return dryRun ? try rehearse(work) : try transaction(work)
    }
}

/// Writes notes inside an open transaction, creating organizations and delegations on first sight.
package struct NoteRecorder {
    let db: Database
    let meeting: StoredMeeting
    let changeId: Int64
    private var organizationIds: [String: Int64] = [:]
    private var delegationIds: [String: Int64] = [:]

    package init(db: Database, meeting: StoredMeeting, changeId: Int64) {
        self.db = db
        self.meeting = meeting
        self.changeId = changeId
    }

    package mutating func record(_ draft: NoteDraft) throws -> RecordedNote {
        let (delegationId, noteId) = try insert(draft)
        // The timeline gives a kind to every note of the delegation, this one included.
        let kind = try refreshTimeline(delegationId: delegationId)[noteId]!
        return RecordedNote(
            noteId: noteId, delegation: draft.represented.name(on: meeting.meeting.opens), category: draft.category,
            kind: kind,
            participantCount: draft.participants.count, lateness: draft.lateness)
    }

    /// Writes a note's row and its participants: a new note, or (with `number`) a new version of note `number`,
    /// voided or not. The caller refreshes the delegation's timeline.
    mutating func insert(_ draft: NoteDraft, number: Int64? = nil, voided: Bool = false, kind: NoteKind? = nil) throws
        -> (delegationId: Int64, noteId: Int64)
    {
        let delegationId = try delegation(for: draft.represented)
        // Cached statements rather than record inserts and fresh queries: an import runs these 100,000 times.
        let insertNote = try db.cachedStatement(
            sql: """
                INSERT INTO note (meeting_id, delegation_id, change_id, kind, reference, received_at, received_precision,
                                  channel, participant_count, number, voided)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        // The kind is written as the timeline says once the note is in (registration or amendment).
        let kindWritten = kind ?? (draft.isWithdrawal ? NoteKind.withdrawal : NoteKind.registration)
        do {
            var note = StatementBinder(insertNote, in: db)
            note.bind(meeting.id)
            note.bind(delegationId)
            note.bind(changeId)
            note.bind(kindWritten)
            note.bind(draft.reference)
            note.bind(draft.receipt.instant.secondsSinceEpoch)
            note.bind(draft.receipt.precision)
            note.bind(draft.channel)
            note.bind(draft.participants.count)
            note.bind(number)
            note.bind(voided)
            try note.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw InputError.referenceRecorded(
                draft.reference ?? "", of: draft.represented.name(on: meeting.meeting.opens),
                at: meeting.meeting.code, note: nil)
        }
        let noteId = db.lastInsertedRowID
        let insertParticipant = try db.cachedStatement(
            sql: """
                INSERT INTO participant (note_id, position, role, title, name, function, gender, email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, p) in draft.participants.enumerated() {
            var row = StatementBinder(insertParticipant, in: db)
            row.bind(noteId)
            row.bind(position + 1)
            row.bind(p.role)
            row.bind(p.title)
            row.bind(p.name)
            row.bind(p.function)
            row.bind(p.gender)
            row.bind(p.email)
            try row.run()
        }
        return (delegationId, noteId)
    }

    /// The delegation's row id, creating the organization and the delegation on first sight.
    mutating func delegation(for represented: Represented) throws -> Int64 {
        let key: String
        var stateIso3: String?
        var organizationId: Int64?
        switch represented {
        case .state(let state):
            key = "state:" + state.iso3
            stateIso3 = state.iso3
        case .organization(let organization), .newOrganization(let organization):
            organizationId = try self.organizationId(organization)
            key = "org:\(organizationId!)"
        }
        if let id = delegationIds[key] { return id }
        let existing = try Int64.fetchOne(
            db.cachedStatement(
                sql: stateIso3 != nil
                    ? "SELECT id FROM delegation WHERE meeting_id = ? AND state_iso3 = ?"
                    : "SELECT id FROM delegation WHERE meeting_id = ? AND organization_id = ?"),
            arguments: [meeting.id, stateIso3 != nil ? stateIso3!.databaseValue : organizationId!.databaseValue])
        if let id = existing {
            delegationIds[key] = id
            return id
        }
        // The name on the meeting's opening day, as a copy: reads compute a State's name again (Store.delegationName).
        let name = represented.name(on: meeting.meeting.opens)
        // DelegationRecord's columns, through a cached statement: an import creates thousands of delegations.
        var row = StatementBinder(
            try db.cachedStatement(
                sql: """
                    INSERT INTO delegation (meeting_id, state_iso3, organization_id, name, sort_key,
                                            composition_note_id, withdrawn)
                    VALUES (?, ?, ?, ?, ?, NULL, 0)
                    """), in: db)
        row.bind(meeting.id)
        row.bind(stateIso3)
        row.bind(organizationId)
        row.bind(name)
        row.bind(NameKey.sortKey(name))
        try row.run()
        let id = db.lastInsertedRowID
        delegationIds[key] = id
        return id
    }

    mutating func organizationId(_ organization: Organization) throws -> Int64 {
        let nameKey = NameKey.of(organization.name)
        if let id = organizationIds[nameKey] { return id }
        let id: Int64
        if let found = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT organization_id FROM organization_key WHERE key = ?"),
            arguments: [nameKey])
        {
            id = found
        } else {
            id = try Store.insertOrganization(organization, db)
        }
        organizationIds[nameKey] = id
        return id
    }

    /// Recomputes the kinds of a delegation's notes, its composition and whether it is withdrawn.
    @discardableResult
    func refreshTimeline(delegationId: Int64) throws -> [Int64: NoteKind] {
        let notes = try Self.timelineNotes(delegationId: delegationId, meeting: meeting.meeting, db)
        let timeline = DelegationTimeline(notes.map(\.entry))
        for note in notes {
            if let kind = timeline.kinds[note.entry.id], kind != note.kind {
                try db.cachedStatement(sql: "UPDATE note SET kind = ? WHERE id = ?").execute(arguments: [
                    kind, note.entry.id,
                ])
            }
        }
        try db.cachedStatement(sql: "UPDATE delegation SET composition_note_id = ?, withdrawn = ? WHERE id = ?")
            .execute(arguments: [timeline.compositionNote, timeline.isWithdrawn, delegationId])
        return timeline.kinds
    }

    /// A delegation's notes as its timeline reads them (current versions, not voided), with the kind each has now;
    /// whether each counts for the composition follows the meeting's rule for late notes and their decisions.
    static func timelineNotes(delegationId: Int64, meeting: Meeting, _ db: Database) throws -> [(
        entry: DelegationTimeline.Entry, kind: NoteKind
    )] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT n.id, n.received_at, n.kind, n.participant_count,
                           (SELECT d.outcome FROM decision d WHERE d.note_number = coalesce(n.number, n.id)
                            ORDER BY d.id DESC LIMIT 1) AS outcome
                    FROM note n
                    WHERE n.delegation_id = ? AND n.replaced_by IS NULL AND n.voided = 0
                    """),
            arguments: [delegationId])
        return try rows.map { row in
            let kind: NoteKind = try row.stored("kind", of: "note")
            let received = Instant(secondsSinceEpoch: row["received_at"])
            let decision: Decision? = try row.storedIfPresent("outcome", of: "decision")
            let counts = meeting.undecidedLateNotes.counts(
                kind: kind, received: received, deadline: meeting.deadline, decision: decision)
            return (
                DelegationTimeline.Entry(
                    id: row["id"], received: received, isWithdrawal: kind == .withdrawal,
                    participantCount: row["participant_count"], counts: counts),
                kind
            )
        }
    }

    static func timelineEntries(delegationId: Int64, meeting: Meeting, _ db: Database) throws -> [DelegationTimeline
        .Entry]
    {
        try timelineNotes(delegationId: delegationId, meeting: meeting, db).map(\.entry)
    }
}
