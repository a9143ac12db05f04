import GRDB
import MSPDomain

extension Store {
    /// Every delegation that sent a note to the meeting, withdrawn ones included, with its notes and latest
    /// credentials, from one read transaction; in the order of the list of participants.
    package func delegationOverviews(_ stored: StoredMeeting) throws -> [DelegationOverview] {
        try read { db in
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            var notes: [Int64: [DelegationOverview.NoteFact]] = [:]
            // Current versions, voided notes left out, each with its newest decision.
            let decisions = try Store.newestDecisions(stored, db)
            let current = NoteRecord.filter(NoteRecord.Columns.meetingId == stored.id)
                .filter(NoteRecord.Columns.replacedBy == nil)
                .filter(NoteRecord.Columns.voided == false)
            for note in try current.fetchAll(db) {
                notes[note.delegationId, default: []].append(
                    DelegationOverview.NoteFact(
                        kind: note.kind, received: Instant(secondsSinceEpoch: note.receivedAt),
                        precision: note.receivedPrecision, decision: decisions[note.noteNumber]))
            }
            var credentials: [Int64: CredentialKind] = [:]
            for credential in try CredentialRecord.filter({ $0.meetingId == stored.id })
                .order({ [$0.receivedAt, $0.id] }).fetchAll(db)
            {
                credentials[credential.delegationId] = credential.kind
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.name, d.state_iso3, d.withdrawn, o.category AS category,
                           COALESCE(n.participant_count, 0) AS participant_count
                    FROM delegation d
                    LEFT JOIN organization o ON o.id = d.organization_id
                    LEFT JOIN note n ON n.id = d.composition_note_id
                    WHERE d.meeting_id = ?
                    """, arguments: [stored.id])
            var overviews: [DelegationOverview] = []
            for row in rows {
                let id: Int64 = row["id"]
                guard let facts = notes[id], !facts.isEmpty else { continue }
                let category = try Store.category(
                    stateIso3: row["state_iso3"],
                    organizationCategory: row.storedIfPresent("category", of: "organization"),
                    membership: membership, at: stored.meeting)
                overviews.append(
                    DelegationOverview(
                        name: Store.delegationName(
                            stateIso3: row["state_iso3"], stored: row["name"], at: stored.meeting),
                        stateIso3: row["state_iso3"], category: category,
                        compositionParticipants: row["participant_count"], withdrawn: row["withdrawn"],
                        notes: facts, deadline: stored.meeting.deadline, credentials: credentials[id]))
            }
            return DelegationOverview.ordered(overviews)
        }
    }
}
