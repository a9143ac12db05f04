import Foundation
import GRDB
import MSPDomain
import MSPFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An msp database: one SQLite file holding many meetings.
///
/// Opening creates the file (readable by its owner only) and its schema on first use, upgrades an older
/// schema in the transaction of the command's first write after copying the file beside itself (a command that
/// fails leaves the older schema), and refuses a newer one untouched.
/// Every write runs in one IMMEDIATE transaction; the file is in WAL mode so readers never wait for a writer,
/// and a busy timeout lets concurrent `msp` processes queue rather than fail.
package final class Store: @unchecked Sendable {
    package let path: String
    /// The connection that writes (a queue for a command; a pool's writer, beside its readers, for `msp serve`).
    package private(set) var writer: any DatabaseWriter
    /// Group commit of concurrent write transactions (`msp serve`'s store only; `GroupCommit`).
    private(set) var groupCommit: GroupCommit?
    /// Whether this process created the file (a failed first command removes it again).
    package let createdFile: Bool
    /// This process's claim on the file (nil in memory).
    private let claim: FileClaim?
    /// Where an older database was copied before it was upgraded, if it was.
    package private(set) var upgradeBackup: String?
    /// Whether an upgrade of an older schema is applied but not committed: the write lock is held from the upgrade
    /// until the command's first write transaction, which commits both, or its failure, which rolls both back.
    private var upgradeHeld = false

    /// How long a writer waits for another to finish: 120 s, or `MSP_BUSY_TIMEOUT` seconds.
    package static let busyTimeout: TimeInterval =
        ProcessInfo.processInfo.environment["MSP_BUSY_TIMEOUT"].flatMap(Double.init).flatMap { $0 >= 0 ? $0 : nil }
        ?? 120

    /// What a command does with the database.
    package enum Access: Sendable {
        /// Records things: the file is created on first use, an older schema upgraded.
        case write
        /// Only reads: nothing is ever written to the file (no schema upgrade, no switch to WAL); an older schema
        /// is upgraded in a copy in memory, which the command reads. The file must exist.
        case read
        /// Serves many requests at once (`msp serve`): opened as `.write` opens it (the schema brought up to date
        /// and committed, the file in WAL mode), then as a pool, whose readers read beside the one writer and never
        /// wait for it.
        case service
    }

    /// Opens (or creates) the database at `path`. An in-memory database for tests: `Store.inMemory()`.
    /// `migrator` is the set of migrations this binary knows (tests give others).
    ///
    /// A new file is put in WAL mode at once; an existing file in another journal mode (a restored backup) is
    /// switched by `useWAL()`, which a command calls once it has succeeded, so a failing command leaves it as it was.
    package init(path: String, migrator: SchemaMigrator = .embedded, access: Access = .write) throws {
        self.path = path
        let claim = try FileClaim(path, create: access != .read)
        self.claim = claim
        self.createdFile = claim.created
        do {
            // WAL is switched on by `prepare` (not by GRDB at open: GRDB writes a dummy transaction when the WAL
            // file is missing, which would change the file of a command that fails, and of a newer schema).
            let file = try DatabaseQueue(path: Store.sqlitePath(path), configuration: Store.configuration(wal: false))
            switch access {
            case .write:
                self.writer = file
                try prepare(migrator, wal: claim.created)
            case .read:
                self.writer = try Store.readable(file, migrator: migrator, path: path)
            case .service:
                self.writer = file
                try prepare(migrator, wal: true)
                try file.close()
                self.writer = try DatabasePool(
                    path: Store.sqlitePath(path), configuration: Store.configuration(wal: true))
                self.groupCommit = GroupCommit()
            }
        } catch {
            if createdFile { claim.removeIfAlone(path) }
            claim.release()
            throw Store.translate(error, path: path)
        }
    }

    /// A path as SQLite must be given it to take it as a path: SQLite reads a name that starts with `file:` as a
    /// URI (`file:x.sqlite?mode=memory`), so a relative path is given as `./NAME`.
    static func sqlitePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : "./" + path
    }

    /// The database a read-only command reads: the file itself when its schema is up to date; else a copy in memory,
    /// brought up to date there. Refuses a newer schema and another application's database; writes nothing.
    private static func readable(_ file: DatabaseQueue, migrator: SchemaMigrator, path: String) throws
        -> DatabaseQueue
    {
        let plan = try file.read { db -> SchemaMigrator.Plan in
            let plan = try migrator.plan(db)
            if plan == .create { try refuseForeign(db, path: path) }
            return plan
        }
        guard plan != .upToDate else { return file }
        let memory = try DatabaseQueue(configuration: configuration(wal: false))
        try file.backup(to: memory)
        try file.close()
        try memory.write { db in
            try migrator.applyPending(db)
            if plan == .create { try seedReferenceData(db) }
        }
        return memory
    }

    /// Refuses a database that holds tables but not msp's: another application's file is never taken over.
    static func refuseForeign(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        if !tables.isEmpty { throw StoreError.notMsp(path: path, tables: tables) }
    }

    private init(inMemory queue: DatabaseQueue) throws {
        self.path = ":memory:"
        self.createdFile = false
        self.claim = nil
        self.writer = queue
        try prepare(.embedded, wal: false)
    }

    /// A fresh in-memory database with the schema and reference data, for tests.
    package static func inMemory() throws -> Store {
        try Store(inMemory: DatabaseQueue(configuration: configuration(wal: false)))
    }

    static func configuration(wal: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // The upgrade of an older schema stays open between database accesses until the command's first write
        // (`upgradeHeld`); every other transaction is opened and closed inside one access.
        config.allowsUnsafeTransactions = true
        if wal { config.journalMode = .wal }
        config.prepareDatabase { db in
            // A receipt time is evidence that a note met its deadline: once msp says a note is recorded, it must be
            // on the disk. In WAL mode, NORMAL survives a crashed process but not a power cut (the last transactions
            // may be lost); FULL syncs the WAL at every commit, so a commit that returned survives both.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// Removes a database file this process created, with its WAL and shared-memory files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Closes the connection; with `discardIfCreated`, a file this process created is removed, unless another
    /// process has opened it meanwhile (then it stays: that process may be writing to it).
    package func close(discardIfCreated: Bool = false) {
        // An upgrade still held belongs to a command that did not succeed: the file keeps its older schema.
        if upgradeHeld { try? writer.writeWithoutTransaction { try endUpgrade(commit: false, $0) } }
        try? writer.close()
        if discardIfCreated && createdFile { claim?.removeIfAlone(path) }
        claim?.release()
    }

    /// SQLite's failures as msp names them: each says what happened to the file and what to do.
    static func translate(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let said = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return StoreError.notADatabase(path: path, reason: "the file is not an SQLite database")
        case .SQLITE_CORRUPT:
            return StoreError.damaged(path: path, reason: said)
        case .SQLITE_CANTOPEN:
            return StoreError.cannotOpen(path: path, reason: said)
        case .SQLITE_PERM, .SQLITE_READONLY:
            return StoreError.notWritable(path: path, reason: said)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.busy(path: path, seconds: Int(busyTimeout))
        case .SQLITE_FULL:
            return StoreError.diskFull(path: path)
        case .SQLITE_IOERR:
            return isNearlyFull(path) ? StoreError.diskFull(path: path) : StoreError.ioError(path: path, reason: said)
        default:
            return error
        }
    }

    /// Whether the file system holding `path` has less than 1 MB left for this user (SQLite reports a full disk
    /// met while syncing as an I/O error).
    static func isNearlyFull(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs(PrivateFile.folder(of: path), &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20
    }

    /// Brings the schema up to date, seeds the reference data into a new database, and puts the file in WAL
    /// mode. A database that is up to date and already in WAL mode is only read: opening it writes nothing.
    private func prepare(_ migrator: SchemaMigrator, wal: Bool) throws {
        // Reading the plan refuses a newer schema before anything is written.
        let plan = try writer.read { try migrator.plan($0) }
        if plan != .upToDate {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                do {
                    // Another process may have migrated while we waited for the lock: plan again, holding it,
                    // and without GRDB's cache of the schema, which does not see other processes' changes.
                    db.clearSchemaCache()
                    let locked = try migrator.plan(db)
                    if case .upgrade(let from, _) = locked, path != ":memory:" {
                        // The copy is taken under the write lock, so it is exactly the schema being upgraded. The
                        // upgrade is left uncommitted: the command's first write commits it (`upgradeHeld`).
                        upgradeBackup = try backupBeforeUpgrade(fromVersion: from)
                        try migrator.applyPending(db)
                        upgradeHeld = true
                        return
                    }
                    if locked == .create { try Store.refuseForeign(db, path: path) }
                    if locked != .upToDate {
                        let fresh = try migrator.appliedIdentifiers(db).isEmpty
                        try migrator.applyPending(db)
                        if fresh { try Store.seedReferenceData(db) }
                    }
                    try db.execute(sql: "COMMIT")
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    discardUpgradeBackup()
                    throw error
                }
            }
        }
        if wal { try useWAL() }
    }

    /// Ends a held upgrade: committed (the command succeeded) or rolled back with its copy removed (it failed).
    private func endUpgrade(commit: Bool, _ db: Database) throws {
        guard upgradeHeld else { return }
        upgradeHeld = false
        if commit {
            try db.execute(sql: "COMMIT")
        } else {
            try? db.execute(sql: "ROLLBACK")
            discardUpgradeBackup()
        }
    }

    /// Removes the copy taken before an upgrade that was not kept.
    private func discardUpgradeBackup() {
        if let backup = upgradeBackup { unlink(backup) }
        upgradeBackup = nil
    }

    /// Commits an upgrade still held by a command that succeeded without writing (or before a long-running service
    /// starts). Nothing to do otherwise.
    package func commitUpgrade() throws {
        guard upgradeHeld else { return }
        do {
            try writer.writeWithoutTransaction { try endUpgrade(commit: true, $0) }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Switches the file to WAL (readers never wait for a writer) unless it is already: done once, by whichever
    /// process gets there first; the others find it done. Called when the file is created, and by a command that
    /// succeeded (a restored backup is in rollback mode): a command that fails leaves the journal mode as it was.
    package func useWAL() throws {
        guard path != ":memory:" else { return }
        try commitUpgrade()
        try writer.writeWithoutTransaction { db in
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

    /// Copies the database beside itself before its first migration: `NAME.schema-vN.bak` (or `NAME.schema-vN.2.bak`
    /// and on when that name is taken), created as every file msp writes is (`PrivateFile`).
    private func backupBeforeUpgrade(fromVersion version: Int) throws -> String {
        var target = "\(path).schema-v\(version).bak"
        var counter = 1
        var created = try PrivateFile.creatingDatabase({ try PrivateFile.create(target) })
        while created == nil {
            counter += 1
            target = "\(path).schema-v\(version).\(counter).bak"
            created = try PrivateFile.creatingDatabase({ try PrivateFile.create(target) })
        }
        guard let fd = created else { return target }
        defer { closeDescriptor(fd) }
        // SQLite cannot back up from a connection that holds the write lock: a second, read-only connection
        // copies the file while this one keeps every other writer out.
        var config = Configuration()
        config.readonly = true
        let reader = try DatabaseQueue(path: Store.sqlitePath(path), configuration: config)
        let copy = try DatabaseQueue(path: Store.sqlitePath(target))
        try reader.backup(to: copy)
        try copy.close()
        try reader.close()
        guard PrivateFile.isStill(fd, at: target) else { throw StoreError.appeared(path: target, while: "upgrade") }
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
        // Cached statements and a StatementBinder rather than records' inserts: an import of a COP-scale list
        // meets thousands of new organizations (OrganizationRecord's columns, in its order).
        let record = OrganizationRecord(organization)
        var row = StatementBinder(
            try db.cachedStatement(
                sql: "INSERT INTO organization (name, name_key, acronym, category, aliases) VALUES (?, ?, ?, ?, ?)"),
            in: db)
        row.bind(record.name)
        row.bind(record.nameKey)
        row.bind(record.acronym)
        row.bind(record.category)
        row.bind(record.aliases)
        try row.run()
        let id = db.lastInsertedRowID
        let insertKey = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO organization_key (key, organization_id) VALUES (?, ?)")
        for name in organization.names {
            // Two names may fold to one key: the first is kept.
            var key = StatementBinder(insertKey, in: db)
            key.bind(NameKey.of(name))
            key.bind(id)
            try key.run()
        }
        return id
    }

    /// The transaction a desk operation holds open on this thread, which every store call inside it joins.
    ///
    /// A desk operation reads what its rule checks and writes what it decides in one transaction
    /// (`operation(_:)`); the store's own methods each ask for a read or a transaction, and inside an operation
    /// they are given the operation's connection instead of a new transaction of their own. (GRDB's queue and pool
    /// are not reentrant: a nested `write` would wait for itself.) Bound per thread and per store, so two stores of
    /// one process, or a read of another thread, never join it.
    struct OpenTransaction: @unchecked Sendable {
        let store: ObjectIdentifier
        let db: Database
        let writes: Bool
        /// Set when a part of the operation decided to roll back what it wrote (a dry run, an import that found
        /// problems): a held schema upgrade is then rolled back with the operation, as if it had run alone.
        let rolledBack = Flag()
    }

    /// A flag shared by the parts of one operation (one thread at a time).
    final class Flag: @unchecked Sendable {
        var isSet = false
    }
    @TaskLocal static var open: OpenTransaction?

    /// Runs `work` with `db` bound as this store's open transaction on this thread, which store calls inside join.
    private func bound<T>(_ db: Database, writes: Bool, _ work: (OpenTransaction) throws -> T) throws -> T {
        let open = OpenTransaction(store: ObjectIdentifier(self), db: db, writes: writes)
        return try Store.$open.withValue(open) { try work(open) }
    }

    /// Runs `work` in a savepoint of the transaction open on `db`, released or rolled back as `work` decides;
    /// returns its result and whether it was kept.
    private static func savepoint<T>(_ db: Database, _ work: (Database) throws -> (result: T, commit: Bool)) throws
        -> (result: T, commit: Bool)
    {
        var outcome: (result: T, commit: Bool)?
        try db.inSavepoint {
            outcome = try work(db)
            return outcome!.commit ? .commit : .rollback
        }
        return outcome!
    }

    /// The operation's transaction on this thread, if one of this store is open.
    private var joined: OpenTransaction? {
        guard let open = Store.open, open.store == ObjectIdentifier(self) else { return nil }
        return open
    }

    /// What an operation does with the database: reads only (a read transaction, which sees one state of the file
    /// throughout and never waits for a writer), or reads and writes (one IMMEDIATE transaction, which holds the
    /// write lock from its first statement, so no other writer can change what its rule read).
    package enum Intent: Sendable {
        case read, write
    }

    /// Runs one operation in one transaction that every store call inside it joins: committed if `work` returns,
    /// rolled back if it throws. An operation inside another joins it.
    ///
    /// With `.write`, the transaction is IMMEDIATE: what the operation's rules read, no concurrent writer can change
    /// before it writes. A read-only operation nested in a writing one reads the writer's state.
    package func operation<T>(_ intent: Intent, _ work: () throws -> T) throws -> T {
        switch intent {
        case .read: return try read { _ in try work() }
        case .write: return try transaction { _ in try work() }
        }
    }

    /// Runs `work` in one IMMEDIATE transaction: committed if it returns, rolled back if it throws. Inside an
    /// operation, `work` runs in the operation's transaction.
    package func transaction<T>(_ work: (Database) throws -> T) throws -> T {
        try writeTransaction { (try work($0), commit: true) }
    }

    /// Runs `work` in a transaction that is always rolled back: what a dry run sees, nothing written. Inside an
    /// operation, in a savepoint rolled back.
    package func rehearse<T>(_ work: (Database) throws -> T) throws -> T {
        try writeTransaction { (try work($0), commit: false) }
    }

    /// Runs `work` in one IMMEDIATE transaction, which `work` itself decides to commit or roll back (an import
    /// rolls back when it found problems); rolled back if it throws. Inside an operation, in a savepoint that is
    /// released or rolled back as `work` decides.
    func writeTransaction<T>(_ work: (Database) throws -> (result: T, commit: Bool)) throws -> T {
        if let open = joined {
            precondition(open.writes, "a write inside a read-only operation")
            let outcome = try Store.savepoint(open.db, work)
            if !outcome.commit { open.rolledBack.isSet = true }
            return outcome.result
        }
        if let groupCommit, !upgradeHeld {
            return try grouped(work, in: groupCommit)
        }
        do {
            return try writer.writeWithoutTransaction { db in
                try bound(db, writes: true) { open in
                    if upgradeHeld {
                        // The held upgrade's transaction is this one's: committed or rolled back together, and rolled
                        // back when a part of the operation rolled its own writes back (a dry run writes nothing,
                        // its upgrade included).
                        do {
                            let outcome = try work(db)
                            try endUpgrade(commit: outcome.commit && !open.rolledBack.isSet, db)
                            return outcome.result
                        } catch {
                            try? endUpgrade(commit: false, db)
                            throw error
                        }
                    }
                    var result: T?
                    try db.inTransaction(.immediate) {
                        let outcome = try work(db)
                        result = outcome.result
                        return outcome.commit ? .commit : .rollback
                    }
                    return result!
                }
            }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Runs `work` in a savepoint of a group's transaction (`GroupCommit`): returns once the group is committed, with
    /// `work`'s result, or throws `work`'s error (its savepoint rolled back, the group's other operations kept) or
    /// the group's (nothing of it written).
    private func grouped<T>(_ work: (Database) throws -> (result: T, commit: Bool), in group: GroupCommit) throws -> T {
        var outcome: Result<T, any Error>?
        let failure: (any Error)? = withoutActuallyEscaping(work) { work in
            let pending = GroupCommit.Pending { db in
                outcome = Result { try Store.savepoint(db, work).result }
            }
            group.perform(
                pending,
                commit: { members in
                    try writer.writeWithoutTransaction { db in
                        try bound(db, writes: true) { _ in
                            try db.inTransaction(.immediate) {
                                for member in members { member.run?(db) }
                                return .commit
                            }
                        }
                    }
                },
                // Once the group is answered: a checkpoint of a large WAL waits for readers, which no member should.
                afterwards: { try? writer.writeWithoutTransaction { truncateLargeWAL($0) } })
            return pending.commitFailure
        }
        do {
            if let failure { throw failure }
            return try outcome!.get()
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// How large the WAL may grow under `msp serve` before it is checkpointed whole and truncated: 64 MB.
    static let walLimit: Int64 = 64 << 20

    /// Checkpoints the WAL whole and truncates it once it is larger than `walLimit` (after a group's commit, on the
    /// writer).
    ///
    /// SQLite's automatic checkpoint is passive: it copies what no reader still needs, and the WAL starts again from
    /// its beginning only when a checkpoint completed while no reader used it. Under `msp serve` the pool's readers
    /// are busy all the time (every submission's link is looked up on one), so the WAL of a rush grew to the size of
    /// every PDF received, and each read searched a wal-index as large: the queue page took 2.1 s instead of 1.2 s.
    /// A failure here (a reader outlasting the busy timeout) is not the group's: it is ignored, and tried again after
    /// the next commit.
    private func truncateLargeWAL(_ db: Database) {
        var info = stat()
        guard stat(path + "-wal", &info) == 0, Int64(info.st_size) > Store.walLimit else { return }
        _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Runs `work` in a read transaction; inside an operation, in the operation's transaction.
    package func read<T>(_ work: (Database) throws -> T) throws -> T {
        if let open = joined { return try work(open.db) }
        do {
            return try writer.read { db in try bound(db, writes: false) { _ in try work(db) } }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// The applied schema version.
    package func schemaVersion() throws -> Int {
        try read { try SchemaMigrator.embedded.appliedIdentifiers($0).count }
    }
}

/// `close(2)`. (Inside `Store`, a plain `close` would name `Store.close(discardIfCreated:)`.)
func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
