import GRDB
import MSPDomain

extension Store {
    /// Every note received after the meeting's deadline, oldest first: the registrations and amendments the
    /// secretariat must decide on. A late withdrawal needs no decision and is not on the list (`msp history`
    /// shows it).
    package func lateNotes(_ stored: StoredMeeting) throws -> [LateNote] {
        try read { db in
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            let deadline = stored.meeting.deadline
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.name AS delegation_name, d.state_iso3 AS state_iso3, o.category AS category,
                           n.reference AS reference, n.kind AS kind, n.received_at AS received_at,
                           n.received_precision AS received_precision, n.channel AS channel,
                           coalesce(n.number, n.id) AS number,
                           dc.outcome AS outcome, c.os_user AS decided_by, c.made_at AS decided_at,
                           c.reason AS decision_reason
                    FROM note n
                    JOIN delegation d ON d.id = n.delegation_id
                    LEFT JOIN organization o ON o.id = d.organization_id
                    LEFT JOIN decision dc ON dc.id =
                        (SELECT max(x.id) FROM decision x WHERE x.note_number = coalesce(n.number, n.id))
                    LEFT JOIN change c ON c.id = dc.change_id
                    WHERE n.meeting_id = ? AND n.received_at >= ? AND n.replaced_by IS NULL AND n.voided = 0
                    ORDER BY n.received_at, n.id
                    """, arguments: [stored.id, deadline.firstLateSecond.secondsSinceEpoch])
            var notes: [LateNote] = []
            while let row = try rows.next() {
                let received = Instant(secondsSinceEpoch: row["received_at"])
                let kind: NoteKind = try row.stored("kind", of: "note")
                let precision: Receipt.Precision = try row.stored("received_precision", of: "note")
                guard LateNote.needsDecision(kind: kind, received: received, deadline: deadline) else { continue }
                let category = try Store.category(
                    stateIso3: row["state_iso3"],
                    organizationCategory: row.storedIfPresent("category", of: "organization"),
                    membership: membership, at: stored.meeting)
                notes.append(
                    LateNote(
                        delegation: Store.delegationName(
                            stateIso3: row["state_iso3"], stored: row["delegation_name"], at: stored.meeting),
                        category: category, reference: row["reference"],
                        kind: kind, received: received,
                        receivedPrecision: precision, channel: try row.storedIfPresent("channel", of: "note"),
                        lateness: stored.meeting.lateness(of: Receipt(instant: received, precision: precision)),
                        number: row["number"], decision: try Store.decision(row)))
            }
            return LateNote.ordered(notes)
        }
    }
}

extension Store {
    /// The decision in a row that joined the newest decision and its change (`outcome`, `decided_by`, `decided_at`,
    /// `decision_reason`); nil when there is none.
    static func decision(_ row: Row) throws -> DecisionTaken? {
        guard let outcome: Decision = try row.storedIfPresent("outcome", of: "decision") else { return nil }
        return DecisionTaken(
            outcome: outcome, by: row["decided_by"], at: Instant(secondsSinceEpoch: row["decided_at"]),
            reason: row["decision_reason"] ?? "")
    }
}

extension Store {
    /// The newest decision on each note of the meeting that has one, by note number.
    static func newestDecisions(_ stored: StoredMeeting, _ db: Database) throws -> [Int64: Decision] {
        var decisions: [Int64: Decision] = [:]
        let records = try DecisionRecord.fetchAll(
            db,
            sql: """
                SELECT dc.* FROM decision dc JOIN note n ON n.id = dc.note_number
                WHERE n.meeting_id = ? ORDER BY dc.id
                """, arguments: [stored.id])
        for decision in records { decisions[decision.noteNumber] = decision.outcome }
        return decisions
    }
}
