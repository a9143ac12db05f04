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

    /// The list of participants: every delegation not withdrawn, with its newest composition.
    public func roster(_ stored: StoredMeeting) throws -> Roster {
        try read { try Store.roster(stored, $0) }
    }

    /// A delegation's category: a State's from the convention's records on the opening day, an organization's as
    /// registered.
    static func category(stateIso3: String?, organizationCategory: String?, membership: TreatyMembership,
                         on day: LocalDate) -> Category {
        if let stateIso3 { return membership.category(of: stateIso3, on: day) }
        return organizationCategory.flatMap(Category.init(rawValue:)) ?? .civilSociety
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

/// A meeting's registration figures.
public struct MeetingFigures: Sendable, Equatable {
    public var delegations: Int
    public var participants: Int
    public var notes: Int
    public var lateNotes: Int
}

extension Store {
    public func figures(_ stored: StoredMeeting) throws -> MeetingFigures {
        try read { db in
            let deadline = stored.meeting.deadline
            let row = try Row.fetchOne(db, sql: """
                SELECT
                  (SELECT count(*) FROM delegation WHERE meeting_id = :m AND withdrawn = 0),
                  (SELECT coalesce(sum(n.participant_count), 0) FROM delegation d JOIN note n ON n.id = d.composition_note_id
                     WHERE d.meeting_id = :m AND d.withdrawn = 0),
                  (SELECT count(*) FROM note WHERE meeting_id = :m),
                  (SELECT count(*) FROM note WHERE meeting_id = :m AND received_at >= :firstLate AND kind <> 'withdrawal')
                """, arguments: ["m": stored.id, "firstLate": deadline.firstLateSecond.secondsSinceEpoch])!
            return MeetingFigures(delegations: row[0], participants: row[1], notes: row[2], lateNotes: row[3])
        }
    }
}
