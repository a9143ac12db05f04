#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB
import MSPDomain

/// An msp database: one SQLite file holding many meetings.
///
/// Opening creates the file (readable by its owner only) and its schema on first use, upgrades an older
/// schema in one transaction after copying the file beside itself, and refuses a newer one untouched.
/// Every write runs in one IMMEDIATE transaction; the file is in WAL mode so readers never wait for a writer,
/// and a busy timeout lets concurrent `msp` processes queue rather than fail.
public final class Store: @unchecked Sendable {
    public let path: String
    public let dbQueue: DatabaseQueue
    /// Whether this process created the file (a failed first command removes it again).
    public let createdFile: Bool
    /// Where an older database was copied before it was upgraded, if it was.
    public private(set) var upgradeBackup: String?
    /// The migrations this store applies: those embedded in the binary, or a chosen list in tests.
    let migrator: SchemaMigrator

    public static let busyTimeout: TimeInterval = 120

    /// Opens (or creates) the database at `path`. An in-memory database for tests: `Store.inMemory()`.
    /// `migrator` is the embedded migrations; tests give another list to make older and newer databases.
    public init(path: String, migrator: SchemaMigrator = .embedded) throws {
        self.path = path
        self.migrator = migrator
        self.createdFile = try Store.createPrivately(path)
        do {
            self.dbQueue = try DatabaseQueue(path: path, configuration: Store.configuration())
            try prepare()
        } catch {
            if createdFile { Store.remove(path) }
            throw Store.translate(error, path: path)
        }
    }

    private init(inMemory queue: DatabaseQueue) throws {
        self.path = ":memory:"
        self.createdFile = false
        self.migrator = .embedded
        self.dbQueue = queue
        try prepare()
    }

    /// A fresh in-memory database with the schema and reference data, for tests.
    public static func inMemory() throws -> Store {
        try Store(inMemory: DatabaseQueue(configuration: configuration()))
    }

    /// Not GRDB's `journalMode = .wal`: that writes to the file (creates and drops a table) on every open
    /// that finds no WAL file, so a command that fails, or a database from a newer msp, would change the file.
    /// WAL is switched on once, when the file is created or upgraded (see `useWriteAheadLog`).
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Creates the file with mode 0600 if it does not exist; returns whether it did.
    static func createPrivately(_ path: String) throws -> Bool {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 {
            Glibc.close(fd)
            return true
        }
        if errno == EEXIST { return false }
        let reason = String(cString: strerror(errno))
        throw StoreError.notADatabase(path: path, reason: reason)
    }

    /// Removes a database file this process created, with its WAL and shared-memory files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Closes the connection; with `discardIfCreated`, a file this process created is removed.
    public func close(discardIfCreated: Bool = false) {
        try? dbQueue.close()
        if discardIfCreated && createdFile { Store.remove(path) }
    }

    static func translate(_ error: any Error, path: String) -> any Error {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return StoreError.notADatabase(path: path, reason: "the file is not an SQLite database or is damaged")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                return StoreError.notADatabase(path: path, reason: error.message ?? "cannot open it")
            default:
                return error
            }
        }
        return error
    }

    /// Brings the schema up to date and seeds the reference data into a new database.
    private func prepare() throws {
        let plan = try dbQueue.read { try migrator.plan($0) }
        if case .upgrade(let from, _) = plan, path != ":memory:" {
            upgradeBackup = try backupBeforeUpgrade(fromVersion: from)
        }
        if path != ":memory:" { try useWriteAheadLog() }
        guard plan != .upToDate else { return }
        try transaction { db in
            // Another process may have migrated while we waited for the lock: plan again inside the transaction.
            guard try migrator.plan(db) != .upToDate else { return }
            let fresh = try migrator.appliedIdentifiers(db).isEmpty
            try migrator.applyPending(db)
            if fresh { try Store.seedReferenceData(db) }
        }
    }

    /// Puts the file in WAL mode (readers never wait for the writer) if it is not yet; a file already in WAL
    /// mode is not written to.
    private func useWriteAheadLog() throws {
        try dbQueue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" else { return }
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw StoreError.notADatabase(path: path, reason: "cannot use write-ahead logging") }
        }
    }

    /// Copies the database beside itself before its first migration: `NAME.schema-vN.bak`.
    private func backupBeforeUpgrade(fromVersion version: Int) throws -> String {
        var target = "\(path).schema-v\(version).bak"
        var counter = 1
        while FileManager.default.fileExists(atPath: target) {
            counter += 1
            target = "\(path).schema-v\(version).\(counter).bak"
        }
        _ = try Store.createPrivately(target)
        let copy = try DatabaseQueue(path: target)
        try dbQueue.backup(to: copy)
        try copy.close()
        return target
    }

    static func seedReferenceData(_ db: Database) throws {
        for organization in ReferenceData.organizations {
            try insertOrganization(organization, db)
        }
        for convention in ReferenceData.membershipFixtures.keys.sorted() {
            for record in try ReferenceData.membership(convention: convention) {
                try TreatyMembershipRecord(convention: convention, record).insert(db)
            }
        }
    }

    @discardableResult
    static func insertOrganization(_ organization: Organization, _ db: Database) throws -> Int64 {
        var record = OrganizationRecord(organization)
        try record.insert(db)
        let id = record.id!
        for name in organization.names {
            try db.execute(sql: "INSERT OR IGNORE INTO organization_key (key, organization_id) VALUES (?, ?)",
                           arguments: [NameKey.of(name), id])
        }
        return id
    }

    /// Runs `work` in one IMMEDIATE transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ work: (Database) throws -> T) throws -> T {
        try dbQueue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try work(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `work` in a transaction that is always rolled back: what a dry run sees, nothing written.
    public func rehearse<T>(_ work: (Database) throws -> T) throws -> T {
        try dbQueue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try work(db)
                return .rollback
            }
            return result!
        }
    }

    public func read<T>(_ work: (Database) throws -> T) throws -> T {
        try dbQueue.read(work)
    }

    /// The applied schema version.
    public func schemaVersion() throws -> Int {
        try dbQueue.read { try migrator.appliedIdentifiers($0).count }
    }
}
