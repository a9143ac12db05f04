import GRDB
import MSPDomain

extension Store {
    /// Every note received after the meeting's deadline, oldest first: the registrations and amendments the
    /// secretariat must decide on. A late withdrawal needs no decision and is not on the list (`msp history`
    /// shows it).
    public func lateNotes(_ stored: StoredMeeting) throws -> [LateNote] {
        try read { db in
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            let deadline = stored.meeting.deadline
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.name, d.state_iso3, o.category, n.reference, n.kind, n.received_at, n.received_precision, n.channel
                FROM note n
                JOIN delegation d ON d.id = n.delegation_id
                LEFT JOIN organization o ON o.id = d.organization_id
                WHERE n.meeting_id = ? AND n.received_at >= ? AND n.kind <> 'withdrawal'
                ORDER BY n.received_at, d.sort_key, n.id
                """, arguments: [stored.id, deadline.firstLateSecond.secondsSinceEpoch])
            var notes: [LateNote] = []
            while let row = try rows.next() {
                let received = Instant(secondsSinceEpoch: row[5])
                let category = Store.category(stateIso3: row[1], organizationCategory: row[2], membership: membership,
                                              on: stored.meeting.opens)
                notes.append(LateNote(delegation: row[0], category: category, reference: row[3],
                                      kind: NoteKind(rawValue: row[4]) ?? .amendment, received: received,
                                      receivedPrecision: Receipt.Precision(rawValue: row[6]) ?? .instant,
                                      channel: (row[7] as String?).flatMap(Channel.init(rawValue:)),
                                      lateBy: deadline.lateBy(received) ?? 0))
            }
            return notes
        }
    }
}
