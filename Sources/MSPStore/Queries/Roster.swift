import GRDB
import MSPDomain

extension Store {
    /// The list of participants: every delegation not withdrawn, with its newest composition.
    package func roster(_ stored: StoredMeeting) throws -> Roster {
        try read { try Store.roster(stored, $0) }
    }

    /// One ordered join rather than records: a delegation's participants follow it, in the note's order, and a
    /// COP-scale meeting has 100,000 of them.
    ///
    /// `+d.meeting_id` keeps SQLite from finding the meeting's delegations through the `(meeting_id, ...)` unique
    /// indexes: it scans the delegation table in id order instead, which is the order asked, and each delegation's
    /// participants come in key order, so no row is sorted. Through the index, SQLite sorted all 71,556 rows of
    /// `bench/run`'s roster in a temporary B-tree (the query alone: 88 ms against 58 ms). The scan reads every
    /// meeting's delegations, a few thousand rows each.
    static func roster(_ stored: StoredMeeting, _ db: Database) throws -> Roster {
        let membership = try Store.membership(convention: stored.meeting.convention, db)
        let statement = try db.makeStatement(
            sql: """
                SELECT d.id AS delegation_id, d.name AS delegation_name, d.state_iso3 AS state_iso3,
                       o.category AS category,
                       p.role AS role, p.title AS title, p.name AS name, p.function AS function, p.gender AS gender,
                       p.email AS email
                FROM delegation d
                LEFT JOIN organization o ON o.id = d.organization_id
                LEFT JOIN participant p ON p.note_id = d.composition_note_id
                WHERE +d.meeting_id = ? AND d.withdrawn = 0 AND d.composition_note_id IS NOT NULL
                ORDER BY d.id, p.position
                """)
        let column = RosterColumns(statement)
        let rows = try Row.fetchCursor(statement, arguments: [stored.id])
        var delegations: [Roster.Delegation] = []
        var currentId: Int64 = -1
        while let row = try rows.next() {
            let id: Int64 = row[column.delegationId]
            if id != currentId {
                currentId = id
                let category = try Store.category(
                    stateIso3: row[column.stateIso3],
                    organizationCategory: row.storedIfPresent(at: column.category, "category", of: "organization"),
                    membership: membership, at: stored.meeting)
                let name = Store.delegationName(
                    stateIso3: row[column.stateIso3], stored: row[column.delegationName], at: stored.meeting)
                delegations.append(Roster.Delegation(name: name, category: category, participants: []))
            }
            // A delegation without a composition (none yet) joins no participant: its role is NULL.
            if let role: Role = try row.storedIfPresent(at: column.role, "role", of: "participant") {
                delegations[delegations.count - 1].participants.append(
                    Participant(
                        role: role, title: row[column.title], name: row[column.name], function: row[column.function],
                        gender: try row.storedIfPresent(at: column.gender, "gender", of: "participant"),
                        email: row[column.email]))
            }
        }
        return Roster(delegations)
    }
}

extension Store {
    /// The number of the note whose composition each delegation on the list of participants has, by the
    /// delegation's name as the list writes it: the note `correct` takes to correct one of its participants.
    package func compositionNotes(_ stored: StoredMeeting) throws -> [String: Int64] {
        try read { db in
            var numbers: [String: Int64] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.name, d.state_iso3, coalesce(n.number, n.id) AS number
                    FROM delegation d JOIN note n ON n.id = d.composition_note_id
                    WHERE d.meeting_id = ? AND d.withdrawn = 0
                    """, arguments: [stored.id])
            while let row = try rows.next() {
                let name = Store.delegationName(stateIso3: row["state_iso3"], stored: row["name"], at: stored.meeting)
                numbers[name] = row["number"]
            }
            return numbers
        }
    }
}

/// Where the roster's columns are in its query, found by their names once: GRDB's `row["name"]` looks the name
/// up again (lowercasing it) on every call, which for 100,000 rows made the export a quarter slower.
private struct RosterColumns {
    let delegationId, delegationName, stateIso3, category, role, title, name, function, gender, email: Int

    init(_ statement: Statement) {
        func index(_ name: String) -> Int {
            guard let index = statement.index(ofColumn: name) else {
                preconditionFailure("the roster's query has no column \(name)")
            }
            return index
        }
        delegationId = index("delegation_id")
        delegationName = index("delegation_name")
        stateIso3 = index("state_iso3")
        category = index("category")
        role = index("role")
        title = index("title")
        name = index("name")
        function = index("function")
        gender = index("gender")
        email = index("email")
    }
}
