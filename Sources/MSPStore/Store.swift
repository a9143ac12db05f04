import Foundation
import GRDB
import MSPDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// This process's claim on the file (nil in memory).
    private let claim: FileClaim?
    /// Where an older database was copied before it was upgraded, if it was.
    public private(set) var upgradeBackup: String?

    public static let busyTimeout: TimeInterval = 120

    /// Opens (or creates) the database at `path`. An in-memory database for tests: `Store.inMemory()`.
    /// `migrator` is the set of migrations this binary knows (tests give others).
    public init(path: String, migrator: SchemaMigrator = .embedded) throws {
        self.path = path
        let claim = try FileClaim(path)
        self.claim = claim
        self.createdFile = claim.created
        do {
            // WAL is switched on by `prepare` (not by GRDB at open: GRDB writes a dummy transaction when the WAL
            // file is missing, which would change the file of a command that fails, and of a newer schema).
            self.dbQueue = try DatabaseQueue(path: path, configuration: Store.configuration(wal: false))
            try prepare(migrator, wal: true)
        } catch {
            if createdFile { claim.removeIfAlone(path) }
            throw Store.translate(error, path: path)
        }
    }

    private init(inMemory queue: DatabaseQueue) throws {
        self.path = ":memory:"
        self.createdFile = false
        self.claim = nil
        self.dbQueue = queue
        try prepare(.embedded, wal: false)
    }

    /// A fresh in-memory database with the schema and reference data, for tests.
    public static func inMemory() throws -> Store {
        try Store(inMemory: DatabaseQueue(configuration: configuration(wal: false)))
    }

    static func configuration(wal: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        if wal { config.journalMode = .wal }
        config.prepareDatabase { db in
            // A receipt time is evidence that a note met its deadline: once msp says a note is recorded, it must be
            // on the disk. In WAL mode, NORMAL survives a crashed process but not a power cut (the last transactions
            // may be lost); FULL syncs the WAL at every commit, so a commit that returned survives both.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// Creates the file with mode 0600 if it does not exist; returns whether it did.
    static func createPrivately(_ path: String) throws -> Bool {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 {
            // The umask may have taken bits away (even the owner's): owner read and write, nobody else.
            fchmod(fd, 0o600)
            closeDescriptor(fd)
            // The new file's name is in its folder only once the folder is synced: without this, a power cut could
            // lose the whole database however well its commits were synced.
            syncFolder(of: path)
            return true
        }
        if errno == EEXIST { return false }
        throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }

    /// Syncs the folder holding `path`, so that a file just created there survives a power cut.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        closeDescriptor(fd)
    }

    /// Removes a database file this process created, with its WAL and shared-memory files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Closes the connection; with `discardIfCreated`, a file this process created is removed, unless another
    /// process has opened it meanwhile (then it stays: that process may be writing to it).
    public func close(discardIfCreated: Bool = false) {
        try? dbQueue.close()
        if discardIfCreated && createdFile { claim?.removeIfAlone(path) }
        claim?.release()
    }

    static func translate(_ error: any Error, path: String) -> any Error {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return StoreError.notADatabase(path: path, reason: "the file is not an SQLite database or is damaged")
            case .SQLITE_CANTOPEN:
                return StoreError.cannotOpen(path: path, reason: error.message ?? "SQLite cannot open it")
            case .SQLITE_PERM, .SQLITE_READONLY:
                return StoreError.notWritable(path: path, reason: error.message ?? "SQLite may not write it")
            default:
                return error
            }
        }
        return error
    }

    /// Brings the schema up to date, seeds the reference data into a new database, and puts the file in WAL
    /// mode. A database that is up to date and already in WAL mode is only read: opening it writes nothing.
    private func prepare(_ migrator: SchemaMigrator, wal: Bool) throws {
        // Reading the plan refuses a newer schema before anything is written.
        let plan = try dbQueue.read { try migrator.plan($0) }
        if plan != .upToDate {
            try dbQueue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    // Another process may have migrated while we waited for the lock: plan again, holding it,
                    // and without GRDB's cache of the schema, which does not see other processes' changes.
                    db.clearSchemaCache()
                    let locked = try migrator.plan(db)
                    guard locked != .upToDate else { return .commit }
                    if case .upgrade(let from, _) = locked, path != ":memory:" {
                        // The copy is taken under the write lock, so it is exactly the schema being upgraded.
                        upgradeBackup = try backupBeforeUpgrade(fromVersion: from)
                    }
                    let fresh = try migrator.appliedIdentifiers(db).isEmpty
                    try migrator.applyPending(db)
                    if fresh { try Store.seedReferenceData(db) }
                    return .commit
                }
            }
        }
        if wal { try enableWAL() }
    }

    /// Switches the file to WAL (readers never wait for a writer) unless it is already: done once, by whichever
    /// process gets there first; the others find it done.
    private func enableWAL() throws {
        try dbQueue.writeWithoutTransaction { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            guard mode.lowercased() != "wal" else { return }
            // Changing the journal mode needs every other connection out; the busy timeout does not always apply.
            let deadline = Date().addingTimeInterval(Store.busyTimeout)
            while true {
                do {
                    let now = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") ?? ""
                    if now.lowercased() == "wal" { return }
                } catch let error as DatabaseError
                    where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                {
                    // Someone else holds the file: wait a little and try again.
                }
                if Date() > deadline { throw StoreError.busy(path: path, seconds: Int(Store.busyTimeout)) }
                usleep(20_000)
            }
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
        // SQLite cannot back up from a connection that holds the write lock: a second, read-only connection
        // copies the file while this one keeps every other writer out.
        var config = Configuration()
        config.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: config)
        let copy = try DatabaseQueue(path: target)
        try reader.backup(to: copy)
        try copy.close()
        try reader.close()
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
            // Two names may fold to one key: the first is kept.
            try OrganizationKeyRecord(key: NameKey.of(name), organizationId: id).insert(db, onConflict: .ignore)
        }
        return id
    }

    /// Runs `work` in one IMMEDIATE transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ work: (Database) throws -> T) throws -> T {
        try writeTransaction { (try work($0), commit: true) }
    }

    /// Runs `work` in a transaction that is always rolled back: what a dry run sees, nothing written.
    public func rehearse<T>(_ work: (Database) throws -> T) throws -> T {
        try writeTransaction { (try work($0), commit: false) }
    }

    /// Runs `work` in one IMMEDIATE transaction, which `work` itself decides to commit or roll back (an import
    /// rolls back when it found problems); rolled back if it throws.
    func writeTransaction<T>(_ work: (Database) throws -> (result: T, commit: Bool)) throws -> T {
        try dbQueue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let outcome = try work(db)
                result = outcome.result
                return outcome.commit ? .commit : .rollback
            }
            return result!
        }
    }

    public func read<T>(_ work: (Database) throws -> T) throws -> T {
        try dbQueue.read(work)
    }

    /// The applied schema version.
    public func schemaVersion() throws -> Int {
        try dbQueue.read { try SchemaMigrator.embedded.appliedIdentifiers($0).count }
    }
}

/// `close(2)`. (Inside `Store`, a plain `close` would name `Store.close(discardIfCreated:)`.)
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
