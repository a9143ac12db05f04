import Foundation
import GRDB
import Testing

@testable import MSPStore

/// Schema versions: a database from a newer msp is refused untouched; an older one is upgraded in one
/// transaction (all pending migrations or none), after a copy is kept beside it.
@Suite struct SchemaVersionTests {
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "msp-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appending(path: "msp.sqlite").path
    }

    static func migrator(_ extra: [SchemaMigrator.Migration]) -> SchemaMigrator {
        SchemaMigrator(migrations: SchemaMigrator.embedded.migrations + extra)
    }

    static let extraA = SchemaMigrator.Migration(
        identifier: "9001_extra_a", sql: "CREATE TABLE extra_a (id INTEGER PRIMARY KEY);")
    static let extraB = SchemaMigrator.Migration(
        identifier: "9002_extra_b",
        sql: "CREATE TABLE extra_b (id INTEGER PRIMARY KEY); INSERT INTO extra_b VALUES (1);")
    static let failing = SchemaMigrator.Migration(
        identifier: "9003_failing",
        sql: "CREATE TABLE extra_c (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);")

    static func bytes(_ path: String) -> Data {
        var data = FileManager.default.contents(atPath: path) ?? Data()
        data.append(FileManager.default.contents(atPath: path + "-wal") ?? Data())
        return data
    }

    static func tables(_ path: String) throws -> Set<String> {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return Set(
            try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
    }

    @Test func aNewerDatabaseIsRefusedNamingBothVersionsAndLeftByteIdentical() throws {
        let path = try Self.scratch()
        let newer = Self.migrator([Self.extraA])
        try Store(path: path, migrator: newer).close()
        let before = Self.bytes(path)
        #expect(!before.isEmpty)
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        let known = SchemaMigrator.embedded.version
        #expect(error == .newerSchema(databaseVersion: known + 1, binaryVersion: known, unknown: ["9001_extra_a"]))
        let text = error?.description ?? ""
        #expect(text.contains("schema version \(known + 1)") && text.contains("schema version \(known)"))
        #expect(Self.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".schema-v\(known).bak"))
    }

    @Test func anOlderDatabaseIsUpgradedWholeAfterACopyIsKeptBesideIt() throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let known = SchemaMigrator.embedded.version
        let upgraded = try Store(path: path, migrator: Self.migrator([Self.extraA, Self.extraB]))
        #expect(try upgraded.schemaVersion() == known + 2)
        let backup = try #require(upgraded.upgradeBackup)
        // A command that succeeded keeps the upgrade.
        try upgraded.commitUpgrade()
        upgraded.close()
        #expect(backup == path + ".schema-v\(known).bak")
        // The copy is the database as it was: the older schema, intact, private.
        let copy = try DatabaseQueue(path: backup)
        #expect(
            try copy.read { try String.fetchAll($0, sql: "SELECT identifier FROM schema_migration") }.count == known)
        #expect(try copy.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        try copy.close()
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try Self.tables(path).isSuperset(of: ["extra_a", "extra_b"]))
    }

    @Test func whenALaterMigrationFailsNoneIsApplied() throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let known = SchemaMigrator.embedded.version
        #expect(throws: (any Error).self) {
            try Store(path: path, migrator: Self.migrator([Self.extraA, Self.extraB, Self.failing]))
        }
        // extra_a and extra_b ran before the failing one, in the same transaction: rolled back with it.
        let tables = try Self.tables(path)
        #expect(!tables.contains("extra_a") && !tables.contains("extra_b") && !tables.contains("extra_c"))
        let store = try Store(path: path)
        #expect(try store.schemaVersion() == known)
        store.close()
    }

    struct Refused: Error {}

    /// The upgrade of an older schema is part of the command's first write: a command whose write fails, that is a
    /// dry run, or that fails before writing (closing the store) leaves the file byte-identical, at its older
    /// schema, with no copy beside it; a command whose write commits keeps the upgrade and its copy.
    @Test(arguments: ["write fails", "dry run", "fails before writing"])
    func aFailingCommandLeavesAnOlderSchemaAsItFoundIt(failure: String) throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let before = Self.bytes(path)
        let known = SchemaMigrator.embedded.version
        let store = try Store(path: path, migrator: Self.migrator([Self.extraA, Self.extraB]))
        // The command sees the schema it needs while it runs.
        #expect(try store.read { try $0.tableExists("extra_b") })
        switch failure {
        case "write fails":
            #expect(throws: Refused.self) {
                try store.transaction { db in
                    try db.execute(sql: "INSERT INTO extra_a VALUES (7)")
                    throw Refused()
                }
            }
        case "dry run":
            try store.rehearse { try $0.execute(sql: "INSERT INTO extra_a VALUES (7)") }
        default:
            break
        }
        store.close(discardIfCreated: true)
        #expect(Self.bytes(path) == before)
        #expect(!(try Self.tables(path)).contains("extra_a"))
        #expect(!FileManager.default.fileExists(atPath: path + ".schema-v\(known).bak"))
        let again = try Store(path: path)
        #expect(try again.schemaVersion() == known)
        again.close()
    }

    @Test func aCommandWhoseWriteCommitsKeepsTheUpgradeAndItsCopy() throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let known = SchemaMigrator.embedded.version
        let store = try Store(path: path, migrator: Self.migrator([Self.extraA, Self.extraB]))
        try store.transaction { try $0.execute(sql: "INSERT INTO extra_a VALUES (7)") }
        // A second write after the first is an ordinary transaction.
        try store.transaction { try $0.execute(sql: "INSERT INTO extra_a VALUES (8)") }
        store.close()
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int.fetchAll($0, sql: "SELECT id FROM extra_a ORDER BY id") } == [7, 8])
        #expect(try queue.read { try SchemaMigrator.embedded.appliedIdentifiers($0).count } == known + 2)
        try queue.close()
        #expect(FileManager.default.fileExists(atPath: path + ".schema-v\(known).bak"))
    }

    @Test func openingAnUpToDateDatabaseWritesNothing() throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let before = Self.bytes(path)
        for _ in 0..<3 { try Store(path: path).close() }
        #expect(Self.bytes(path) == before)
    }

    @Test func theCopyBeforeAnUpgradeNeverFollowsALinkPlantedUnderItsName() throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let known = SchemaMigrator.embedded.version
        let victim = path + ".victim"
        try Data("not to be touched".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(
            atPath: path + ".schema-v\(known).bak", withDestinationPath: victim)
        let upgraded = try Store(path: path, migrator: Self.migrator([Self.extraA]))
        let backup = try #require(upgraded.upgradeBackup)
        try upgraded.commitUpgrade()
        upgraded.close()
        #expect(backup == path + ".schema-v\(known).2.bak")
        #expect(FileManager.default.contents(atPath: victim) == Data("not to be touched".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func readingAnOlderDatabaseUpgradesACopyInMemoryAndWritesNothing() throws {
        let path = try Self.scratch()
        try Store(path: path).close()
        let before = Self.bytes(path)
        let reader = try Store(path: path, migrator: Self.migrator([Self.extraA]), access: .read)
        #expect(try reader.read { try $0.tableExists("extra_a") })
        reader.close()
        #expect(Self.bytes(path) == before)
        #expect(!(try Self.tables(path)).contains("extra_a"))
        let known = SchemaMigrator.embedded.version
        #expect(!FileManager.default.fileExists(atPath: path + ".schema-v\(known).bak"))
    }
}
