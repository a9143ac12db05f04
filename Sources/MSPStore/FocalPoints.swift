import Foundation
import GRDB
import MSPDomain

/// A link issued to a delegation's focal point, as the store holds it: for whom, sent to which address, when it was
/// issued and, once it stopped working, when. Never the token: the store has only its SHA-256.
package struct FocalPointEntry: Sendable, Equatable {
    /// Who did something to the link, when, through which operation, and why if a reason was given.
    package struct Event: Sendable, Equatable {
        package var at: Instant
        package var by: String
        package var command: String
        package var reason: String?
    }

    package var id: Int64
    package var meetingId: Int64
    package var represented: Represented
    /// The delegation's name at the meeting: a State's as on the opening day.
    package var delegation: String
    package var email: String
    package var issued: Event
    /// The link this one replaced, when it was re-issued.
    package var replaces: Int64?
    /// When the link stopped working (revoked, or replaced by a re-issued one); nil while it works.
    package var revoked: Event?

    package var isActive: Bool { revoked == nil }
}

extension Store {
    /// Every link issued for the meeting, oldest first.
    package func focalPoints(meeting: StoredMeeting) throws -> [FocalPointEntry] {
        try read { db in
            try Store.focalPoints(
                db, where: "f.meeting_id = ?", arguments: [meeting.id], meeting: meeting.meeting)
        }
    }

    /// Every link issued to `represented`'s focal point for the meeting, oldest first.
    package func focalPoints(of represented: Represented, meeting: StoredMeeting) throws -> [FocalPointEntry] {
        try read { db in
            let (column, value) = try Store.delegationKey(represented, db)
            guard let value else { return [] }
            return try Store.focalPoints(
                db, where: "f.meeting_id = ? AND f.\(column) = ?", arguments: [meeting.id, value],
                meeting: meeting.meeting)
        }
    }

    /// The working link whose token has this SHA-256, if any: one lookup in the unique index on the hash. A revoked
    /// link is found by the same lookup and then left out, so that unknown and revoked tokens take the same path.
    package func activeFocalPoint(tokenHash: Data) throws -> (entry: FocalPointEntry, meeting: StoredMeeting)? {
        try read { db in
            guard
                let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM focal_point WHERE token_hash = ? AND revoked_at IS NULL",
                    arguments: [tokenHash]),
                let meetingRecord = try MeetingRecord.fetchOne(
                    db, sql: "SELECT m.* FROM meeting m JOIN focal_point f ON f.meeting_id = m.id WHERE f.id = ?",
                    arguments: [id])
            else { return nil }
            let meeting = StoredMeeting(id: meetingRecord.id!, meeting: try meetingRecord.meeting())
            guard
                let entry = try Store.focalPoints(db, where: "f.id = ?", arguments: [id], meeting: meeting.meeting)
                    .first
            else { return nil }
            return (entry, meeting)
        }
    }

    /// Issues a link to `represented`'s focal point, as one change; with `replacing`, the link it re-issues stops
    /// working in the same change. A second working link for the delegation is refused (`.conflict`), and so is
    /// replacing a link that stopped working meanwhile (`.notFound`).
    package func issueFocalPoint(
        _ represented: Represented, email: String, tokenHash: Data, meeting: StoredMeeting, change: ChangeInfo,
        replacing: Int64? = nil
    ) throws -> FocalPointEntry {
        try transaction { db in
            let name = represented.name(on: meeting.meeting.opens)
            let changeId = try change.insert(
                db,
                summary: replacing == nil
                    ? "focal point of \(name) for \(meeting.meeting.code) issued a link (\(email))"
                    : "focal point of \(name) for \(meeting.meeting.code) re-issued a link (\(email)); the old link stopped working"
            )
            if let replacing {
                try Store.stopFocalPoint(replacing, at: change.at, changeId: changeId, name: name, meeting: meeting, db)
            }
            let (column, value) = try Store.delegationKey(represented, db)
            guard let value else {
                throw InputError(
                    "\(name) is not a known organization", field: .delegation, reason: .notFound)
            }
            var record = FocalPointRecord(
                id: nil, meetingId: meeting.id, stateIso3: column == "state_iso3" ? value.storedText : nil,
                organizationId: column == "organization_id" ? value.storedInteger : nil, name: name, email: email,
                tokenHash: tokenHash, changeId: changeId, replaces: replacing, revokedAt: nil, revokedChangeId: nil)
            do {
                try record.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw InputError(
                    "\(name) has a working focal-point link for \(meeting.meeting.code) already: re-issue it or revoke it",
                    field: .delegation, reason: .conflict)
            }
            guard
                let entry = try Store.focalPoints(
                    db, where: "f.id = ?", arguments: [record.id!], meeting: meeting.meeting
                ).first
            else { throw StoreError.corrupt(table: "focal_point", column: "id", value: String(record.id!)) }
            return entry
        }
    }

    /// Revokes a working link, as one change: it stops working at once. A link that stopped working meanwhile is
    /// `.notFound`.
    package func revokeFocalPoint(_ id: Int64, meeting: StoredMeeting, change: ChangeInfo) throws -> FocalPointEntry {
        try transaction { db in
            guard let record = try FocalPointRecord.fetchOne(db, key: id) else {
                throw StoreError.corrupt(table: "focal_point", column: "id", value: String(id))
            }
            let changeId = try change.insert(
                db,
                summary:
                    "focal point of \(record.name) for \(meeting.meeting.code) revoked (\(record.email)): the link stopped working"
            )
            try Store.stopFocalPoint(id, at: change.at, changeId: changeId, name: record.name, meeting: meeting, db)
            guard
                let entry = try Store.focalPoints(db, where: "f.id = ?", arguments: [id], meeting: meeting.meeting)
                    .first
            else { throw StoreError.corrupt(table: "focal_point", column: "id", value: String(id)) }
            return entry
        }
    }

    /// What was done to `represented`'s focal-point links, as history entries: each link issued or re-issued, and
    /// each revoked (a link replaced by a re-issued one is told by the re-issue).
    package func focalPointHistory(of represented: Represented, meeting: StoredMeeting) throws -> [HistoryEntry] {
        let links = try focalPoints(of: represented, meeting: meeting)
        let replaced = Set(links.compactMap(\.replaces))
        var entries: [HistoryEntry] = []
        func entry(_ event: HistoryEntry.FocalPointEvent, _ link: FocalPointEntry, _ done: FocalPointEntry.Event)
            -> HistoryEntry
        {
            HistoryEntry(
                record: .focalPoint(event, email: link.email), number: nil, reason: done.reason, received: done.at,
                receivedPrecision: .instant, lateness: nil, recordedAt: done.at, recordedBy: done.by,
                command: done.command)
        }
        for link in links {
            entries.append(entry(link.replaces == nil ? .issued : .reissued, link, link.issued))
            if let revoked = link.revoked, !replaced.contains(link.id) {
                entries.append(entry(.revoked, link, revoked))
            }
        }
        // Stable: a link issued and revoked in the same second stay in that order.
        return entries.sorted { $0.recordedAt < $1.recordedAt }
    }

    /// Marks a working link as stopped by `changeId`.
    private static func stopFocalPoint(
        _ id: Int64, at instant: Instant, changeId: Int64, name: String, meeting: StoredMeeting, _ db: Database
    ) throws {
        try db.execute(
            sql: "UPDATE focal_point SET revoked_at = ?, revoked_change_id = ? WHERE id = ? AND revoked_at IS NULL",
            arguments: [instant.secondsSinceEpoch, changeId, id])
        guard db.changesCount == 1 else {
            throw InputError(
                "\(name) has no working focal-point link for \(meeting.meeting.code): it was revoked meanwhile",
                field: .delegation, reason: .notFound)
        }
    }

    /// The column and value that name `represented` in `delegation`, `focal_point` and `submission` alike: a State by
    /// its ISO code, an organization by its row (nil when the organization is not in the database).
    static func delegationKey(_ represented: Represented, _ db: Database) throws -> (
        column: String, value: DatabaseValue?
    ) {
        switch represented {
        case .state(let state):
            return ("state_iso3", state.iso3.databaseValue)
        case .organization(let organization), .newOrganization(let organization):
            let id = try Int64.fetchOne(
                db, sql: "SELECT organization_id FROM organization_key WHERE key = ?",
                arguments: [NameKey.of(organization.name)])
            return ("organization_id", id?.databaseValue)
        }
    }

    /// The links matching a condition on `focal_point f`, oldest first, with the changes that issued and revoked them.
    private static func focalPoints(
        _ db: Database, where condition: String, arguments: StatementArguments, meeting: Meeting
    ) throws -> [FocalPointEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.*,
                       ci.made_at AS issued_at, ci.os_user AS issued_by, ci.command AS issued_command,
                       ci.reason AS issued_reason,
                       cr.made_at AS revoked_made_at, cr.os_user AS revoked_by, cr.command AS revoked_command,
                       cr.reason AS revoked_reason
                FROM focal_point f
                JOIN change ci ON ci.id = f.change_id
                LEFT JOIN change cr ON cr.id = f.revoked_change_id
                WHERE \(condition)
                ORDER BY f.id
                """, arguments: arguments)
        var organizations: [Int64: Organization] = [:]
        return try rows.map { row in
            let record = try FocalPointRecord(row: row)
            let represented = try Store.represented(
                stateIso3: record.stateIso3, organizationId: record.organizationId, table: "focal_point",
                cache: &organizations, db)
            var revoked: FocalPointEntry.Event?
            if record.revokedAt != nil {
                revoked = FocalPointEntry.Event(
                    at: Instant(secondsSinceEpoch: row["revoked_made_at"]), by: row["revoked_by"],
                    command: row["revoked_command"], reason: row["revoked_reason"])
            }
            return FocalPointEntry(
                id: record.id!, meetingId: record.meetingId, represented: represented,
                delegation: Store.delegationName(stateIso3: record.stateIso3, stored: record.name, at: meeting),
                email: record.email,
                issued: FocalPointEntry.Event(
                    at: Instant(secondsSinceEpoch: row["issued_at"]), by: row["issued_by"],
                    command: row["issued_command"], reason: row["issued_reason"]),
                replaces: record.replaces, revoked: revoked)
        }
    }
}

extension DatabaseValue {
    fileprivate var storedText: String? { String.fromDatabaseValue(self) }
    fileprivate var storedInteger: Int64? { Int64.fromDatabaseValue(self) }
}
