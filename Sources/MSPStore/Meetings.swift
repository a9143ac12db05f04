import Foundation
import GRDB
import MSPDomain

/// A meeting as stored, with its row id.
package struct StoredMeeting: Sendable {
    package var id: Int64
    package var meeting: Meeting
}

extension Store {
    /// Adds a meeting; a code already used is an input error (the unique index finds it).
    @discardableResult
    package func addMeeting(_ meeting: Meeting, change: ChangeInfo) throws -> StoredMeeting {
        try transaction { db in
            var record = MeetingRecord(meeting, createdAt: change.at)
            do {
                try record.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw InputError("a meeting with code \(meeting.code) exists already", field: .code, reason: .conflict)
            }
            _ = try change.insert(db, summary: "added meeting \(meeting.code)")
            return StoredMeeting(id: record.id!, meeting: meeting)
        }
    }

    package func meetings() throws -> [StoredMeeting] {
        try read { db in
            try MeetingRecord.order { [$0.opensOn, $0.code] }.fetchAll(db).map {
                StoredMeeting(id: $0.id!, meeting: try $0.meeting())
            }
        }
    }
}

/// Who makes a change, and when: kept with every change to the record.
package struct ChangeInfo: Sendable {
    package var at: Instant
    package var osUser: String
    package var command: String
    /// Why, when the secretariat gives a reason.
    package var reason: String?

    package init(
        at: Instant = .now(), osUser: String = ChangeInfo.currentUser(), command: String, reason: String? = nil
    ) {
        self.at = at
        self.osUser = osUser
        self.command = command
        self.reason = reason
    }

    /// The operating-system user running msp: the name the system gives for the effective uid, else `uid N`;
    /// never an environment variable (anyone can set `$USER=root`).
    package static func currentUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }

    func insert(_ db: Database, summary: String) throws -> Int64 {
        var record = ChangeRecord(
            id: nil, madeAt: at.secondsSinceEpoch, osUser: osUser, command: command, summary: summary, reason: reason)
        try record.insert(db)
        return record.id!
    }
}
