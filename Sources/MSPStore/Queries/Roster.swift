import GRDB
import MSPDomain

extension Store {
    /// The list of participants: every delegation not withdrawn, with its newest composition.
    public func roster(_ stored: StoredMeeting) throws -> Roster {
        try read { try Store.roster(stored, $0) }
    }

    /// One ordered join rather than records: a delegation's participants follow it, in the note's order, and a
    /// COP-scale meeting has 100,000 of them.
    static func roster(_ stored: StoredMeeting, _ db: Database) throws -> Roster {
        let membership = try Store.membership(convention: stored.meeting.convention, db)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id AS delegation_id, d.name AS delegation_name, d.state_iso3 AS state_iso3,
                   o.category AS category,
                   p.role AS role, p.title AS title, p.name AS name, p.function AS function, p.gender AS gender,
                   p.email AS email
            FROM delegation d
            LEFT JOIN organization o ON o.id = d.organization_id
            LEFT JOIN participant p ON p.note_id = d.composition_note_id
            WHERE d.meeting_id = ? AND d.withdrawn = 0
            ORDER BY d.id, p.position
            """, arguments: [stored.id])
        var delegations: [Roster.Delegation] = []
        var currentId: Int64 = -1
        while let row = try rows.next() {
            let id: Int64 = row["delegation_id"]
            if id != currentId {
                currentId = id
                let category = try Store.category(stateIso3: row["state_iso3"],
                                                  organizationCategory: row.storedIfPresent("category", of: "organization"),
                                                  membership: membership, on: stored.meeting.opens)
                delegations.append(Roster.Delegation(name: row["delegation_name"], category: category, participants: []))
            }
            // A delegation without a composition (none yet) joins no participant: its role is NULL.
            if let role: Role = try row.storedIfPresent("role", of: "participant") {
                delegations[delegations.count - 1].participants.append(Participant(
                    role: role, title: row["title"], name: row["name"], function: row["function"],
                    gender: try row.storedIfPresent("gender", of: "participant"), email: row["email"]))
            }
        }
        return Roster(delegations)
    }
}
