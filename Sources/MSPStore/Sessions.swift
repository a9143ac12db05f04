import Foundation
import GRDB
import MSPDomain

/// A portal session as the store keeps it: what the portal saved, and when it ends.
package struct StoredSession: Sendable, Equatable {
    package var data: Data
    package var expiresAt: Instant

    package init(data: Data, expiresAt: Instant) {
        self.data = data
        self.expiresAt = expiresAt
    }
}

extension Store {
    /// Writes a session under its id's hash. `expiresAt` nil keeps the expiry of the session already there (a
    /// session not there yet gets `fallbackExpiry`). With `mustBeNew`, a session that exists and has not expired is
    /// a conflict and nothing is written. Expired sessions are deleted in the same transaction.
    package func saveSession(
        idHash: Data, account: String?, data: Data, expiresAt: Instant?, fallbackExpiry: Instant, now: Instant,
        mustBeNew: Bool
    ) throws {
        try transaction { db in
            try db.execute(
                sql: "DELETE FROM portal_session WHERE expires_at <= ?", arguments: [now.secondsSinceEpoch])
            let existing = try Int64.fetchOne(
                db, sql: "SELECT expires_at FROM portal_session WHERE id_hash = ?", arguments: [idHash])
            if mustBeNew, existing != nil {
                throw InputError("a session with this id exists already", field: .session, reason: .conflict)
            }
            let expiry = expiresAt?.secondsSinceEpoch ?? existing ?? fallbackExpiry.secondsSinceEpoch
            try db.execute(
                sql: """
                    INSERT INTO portal_session (id_hash, account_name, data, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id_hash) DO UPDATE SET
                        account_name = excluded.account_name, data = excluded.data, expires_at = excluded.expires_at
                    """,
                arguments: [idHash, account, data, expiry])
        }
    }

    /// The session with this id's hash, unless it has expired at `now`.
    package func session(idHash: Data, now: Instant) throws -> StoredSession? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT data, expires_at FROM portal_session WHERE id_hash = ? AND expires_at > ?",
                arguments: [idHash, now.secondsSinceEpoch]
            ).map { row in
                StoredSession(data: row["data"], expiresAt: Instant(secondsSinceEpoch: row["expires_at"]))
            }
        }
    }

    /// Deletes a session (signing out); nothing happens when there is none.
    package func removeSession(idHash: Data) throws {
        try transaction { db in
            try db.execute(sql: "DELETE FROM portal_session WHERE id_hash = ?", arguments: [idHash])
        }
    }

    /// Deletes every session that has expired at `now`; returns how many.
    @discardableResult
    package func removeExpiredSessions(now: Instant) throws -> Int {
        try transaction { db in
            try db.execute(
                sql: "DELETE FROM portal_session WHERE expires_at <= ?", arguments: [now.secondsSinceEpoch])
            return db.changesCount
        }
    }

    /// How many sessions are kept (expired or not), and how many of them an account signed in with.
    package func sessionCount(account: String? = nil) throws -> Int {
        try read { db in
            if let account {
                return try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM portal_session WHERE account_name = ?", arguments: [account]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM portal_session") ?? 0
        }
    }

    /// Records a look-up of a focal point's link that found no working link, and forgets those older than
    /// `forgetBefore`.
    package func recordLinkFailure(address: String, at: Instant, forgetBefore: Instant) throws {
        try transaction { db in
            try db.execute(
                sql: "DELETE FROM link_failure WHERE at < ?", arguments: [forgetBefore.secondsSinceEpoch])
            try db.execute(
                sql: "INSERT INTO link_failure (address, at) VALUES (?, ?)",
                arguments: [address, at.secondsSinceEpoch])
        }
    }

    /// How many link look-ups from this address found no working link since `since`.
    package func linkFailures(address: String, since: Instant) throws -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM link_failure WHERE address = ? AND at >= ?",
                arguments: [address, since.secondsSinceEpoch]) ?? 0
        }
    }
}
