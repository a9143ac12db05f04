import Foundation
import GRDB
import MSPDomain

/// A meeting as stored, with its row id.
public struct StoredMeeting: Sendable {
    public var id: Int64
    public var meeting: Meeting
}

extension Store {
    /// Adds a meeting; a code already used is an input error.
    @discardableResult
    public func addMeeting(_ meeting: Meeting, change: ChangeInfo) throws -> StoredMeeting {
        try transaction { db in
            // A State's category at the meeting comes from the convention's records: without them every State
            // would silently be an observer.
            let known = try TreatyMembershipRecord.filter { $0.convention == meeting.convention }.fetchCount(db)
            guard known > 0 else {
                throw InputError("no membership records for convention '\(meeting.convention)': States' categories come from them; load them first with 'msp treaty import --convention \(meeting.convention) FILE.csv'", field: .convention)
            }
            var record = MeetingRecord(meeting, createdAt: change.at)
            do {
                try record.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw InputError("a meeting with code \(meeting.code) exists already", field: .code)
            }
            _ = try change.insert(db, summary: "added meeting \(meeting.code)")
            return StoredMeeting(id: record.id!, meeting: meeting)
        }
    }

    public func meetings() throws -> [StoredMeeting] {
        try read { db in
            try MeetingRecord.order { [$0.opensOn, $0.code] }.fetchAll(db).map { StoredMeeting(id: $0.id!, meeting: try $0.meeting()) }
        }
    }

    /// The meeting a command is about: the one named, or the only one in the database.
    public func meeting(code: String?) throws -> StoredMeeting {
        try read { db in try Store.meeting(code: code, db) }
    }

    static func meeting(code: String?, _ db: Database) throws -> StoredMeeting {
        if let code {
            guard let record = try MeetingRecord.filter({ $0.code == code.trimmingCharacters(in: .whitespaces) }).fetchOne(db) else {
                let known = try String.fetchAll(db, sql: "SELECT code FROM meeting ORDER BY code")
                let hint = known.isEmpty ? "the database holds no meeting yet" : "the database holds \(known.joined(separator: ", "))"
                throw InputError("no meeting '\(code)': \(hint)", field: .meeting)
            }
            return StoredMeeting(id: record.id!, meeting: try record.meeting())
        }
        let records = try MeetingRecord.order { $0.code }.limit(6).fetchAll(db)
        switch records.count {
        case 0:
            throw InputError("the database holds no meeting yet: add one with 'msp meeting add'", field: .meeting)
        case 1:
            return StoredMeeting(id: records[0].id!, meeting: try records[0].meeting())
        default:
            let codes = records.prefix(5).map(\.code).joined(separator: ", ")
            throw InputError("the database holds several meetings (\(codes)\(records.count > 5 ? ", ..." : "")): choose one with --meeting", field: .meeting)
        }
    }
}

/// Who makes a change, and when: kept with every change to the record.
public struct ChangeInfo: Sendable {
    public var at: Instant
    public var osUser: String
    public var command: String

    public init(at: Instant = .now(), osUser: String = ChangeInfo.currentUser(), command: String) {
        self.at = at
        self.osUser = osUser
        self.command = command
    }

    /// The operating-system user running msp.
    public static func currentUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }

    func insert(_ db: Database, summary: String) throws -> Int64 {
        var record = ChangeRecord(id: nil, madeAt: at.secondsSinceEpoch, osUser: osUser, command: command, summary: summary)
        try record.insert(db)
        return record.id!
    }
}
