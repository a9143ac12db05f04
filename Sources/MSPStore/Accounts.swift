import GRDB
import MSPDomain

extension Store {
    /// Adds an account with its password hash, as one change; a name used already (whatever its case) is a conflict.
    package func addAccount(name: String, role: AccountRole, passwordHash: String, change: ChangeInfo) throws -> Account
    {
        try transaction { db in
            let changeId = try change.insert(db, summary: "added the \(role.rawValue) account \(name)")
            var record = AccountRecord(
                id: nil, name: name, role: role, passwordHash: passwordHash, createdAt: change.at.secondsSinceEpoch,
                disabledAt: nil, changeId: changeId)
            do {
                try record.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw InputError("an account named \(name) exists already", field: .accountName, reason: .conflict)
            }
            return record.account
        }
    }

    /// Every account, by name.
    package func accounts() throws -> [Account] {
        try read { db in try AccountRecord.order(AccountRecord.Columns.name).fetchAll(db).map(\.account) }
    }

    /// The account with this name (whatever its case) and its password hash.
    package func account(named name: String) throws -> (account: Account, passwordHash: String)? {
        try read { db in
            try AccountRecord.filter(AccountRecord.Columns.name == name).fetchOne(db).map {
                ($0.account, $0.passwordHash)
            }
        }
    }

    /// Disables an account, as one change: it can no longer sign in, and its portal sessions end at once (they are
    /// deleted in the same transaction); nothing of the record is deleted.
    package func disableAccount(named name: String, change: ChangeInfo) throws -> Account? {
        try transaction { db in
            guard var record = try AccountRecord.filter(AccountRecord.Columns.name == name).fetchOne(db) else {
                return nil
            }
            try db.execute(sql: "DELETE FROM portal_session WHERE account_name = ?", arguments: [record.name])
            guard record.disabledAt == nil else { return record.account }
            record.disabledAt = change.at.secondsSinceEpoch
            try record.update(db)
            _ = try change.insert(db, summary: "disabled the account \(record.name)")
            return record.account
        }
    }

    /// Records a failed sign-in.
    package func recordLoginFailure(name: String, address: String, at: Instant) throws {
        try transaction { db in
            try db.execute(
                sql: "INSERT INTO login_failure (account_name, address, at) VALUES (?, ?, ?)",
                arguments: [name, address, at.secondsSinceEpoch])
        }
    }

    /// How many sign-ins failed since `since` for this name and from this address.
    package func loginFailures(name: String, address: String, since: Instant) throws -> (forName: Int, fromAddress: Int)
    {
        try read { db in
            let forName =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM login_failure WHERE account_name = ? AND at >= ?",
                    arguments: [name, since.secondsSinceEpoch]) ?? 0
            let fromAddress =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM login_failure WHERE address = ? AND at >= ?",
                    arguments: [address, since.secondsSinceEpoch]) ?? 0
            return (forName, fromAddress)
        }
    }
}
