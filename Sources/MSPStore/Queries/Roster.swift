import GRDB
import MSPDomain

extension Store {
    /// The list of participants: every delegation not withdrawn, with its newest composition.
    public func roster(_ stored: StoredMeeting) throws -> Roster {
        try read { try Store.roster(stored, $0) }
    }

    static func roster(_ stored: StoredMeeting, _ db: Database) throws -> Roster {
        let membership = try Store.membership(convention: stored.meeting.convention, db)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.name, d.state_iso3, o.category, p.role, p.title, p.name, p.function, p.gender, p.email
            FROM delegation d
            LEFT JOIN organization o ON o.id = d.organization_id
            LEFT JOIN participant p ON p.note_id = d.composition_note_id
            WHERE d.meeting_id = ? AND d.withdrawn = 0
            ORDER BY d.id, p.position
            """, arguments: [stored.id])
        var delegations: [Roster.Delegation] = []
        var currentId: Int64 = -1
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id != currentId {
                currentId = id
                let category = Store.category(stateIso3: row[2], organizationCategory: row[3], membership: membership,
                                              on: stored.meeting.opens)
                delegations.append(Roster.Delegation(name: row[1], category: category, participants: []))
            }
            if let role: String = row[4] {
                delegations[delegations.count - 1].participants.append(Participant(
                    role: Role(rawValue: role) ?? .adviser, title: row[5], name: row[6], function: row[7],
                    gender: (row[8] as String?).flatMap(Gender.init(rawValue:)), email: row[9]))
            }
        }
        return Roster(delegations)
    }
}
