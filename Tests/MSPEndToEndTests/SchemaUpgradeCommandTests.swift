import Foundation
import GRDB
import Testing

/// A failing command leaves the file as it found it, its schema included (issue 11): the upgrade of an older
/// database is part of the command's first write, so a command refused before or during its write leaves the older
/// schema, byte for byte, with no copy beside it; one that succeeds upgrades it and keeps `NAME.schema-vN.bak`.
@Suite struct SchemaUpgradeCommandTests {
    static let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "migrations")

    /// A database as the msp before the newest migration wrote it: every migration of `migrations/` but the last,
    /// each recorded in `schema_migration` as msp records them.
    static func olderDatabase(at path: String) throws -> (version: Int, newest: String) {
        let files = try FileManager.default.contentsOfDirectory(atPath: migrations.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        let older = files.dropLast()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE schema_migration (identifier TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) WITHOUT ROWID"
            )
            for file in older {
                try db.execute(sql: try String(contentsOf: migrations.appending(path: file), encoding: .utf8))
                try db.execute(
                    sql: "INSERT INTO schema_migration VALUES (?, 0)", arguments: [String(file.dropLast(".sql".count))])
            }
        }
        try queue.close()
        return (older.count, String(files.last!.dropLast(".sql".count)))
    }

    static func applied(_ path: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM schema_migration") }
    }

    static let meetingAdd = [
        "meeting", "add", "9MSP", "--title", "Ninth Meeting of States Parties", "--convention", "CCM",
        "--opens", "2019-11-25", "--closes", "2019-11-27", "--deadline", "2019-11-01", "--time-zone", "Europe/Zurich",
    ]

    @Test func aWriteCommandThatFailsLeavesAnOlderSchemaAndItsBytes() throws {
        let msp = try MSPRun()
        let (version, newest) = try Self.olderDatabase(at: msp.database)
        let before = msp.snapshot()
        let failing: [([String], Int32)] = [
            // Refused by the domain before anything is written.
            (["meeting", "add", "9MSP", "--title", "Ninth\nMeeting"] + Self.meetingAdd.dropFirst(5), 65),
            // Refused by the desk after reading: no meeting to register for.
            (["register", "--delegation", "Uganda", "--head", "Mr. A. B"], 65),
            // A dry run writes nothing, its upgrade included.
            (["register", "--delegation", "Uganda", "--head", "Mr. A. B", "--dry-run"], 65),
        ]
        for (arguments, status) in failing {
            let result = try msp.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(msp.snapshot() == before, "\(arguments) changed the file")
            #expect(try Self.applied(msp.database).count == version)
            #expect(!msp.exists("msp.sqlite.schema-v\(version).bak"), "\(arguments) left a copy")
        }
        // A command that succeeds upgrades the file and keeps the copy of the older one. (The database holds no
        // reference data, which an older msp seeded: a command that needs none.)
        try msp.write("password.txt", "a long enough passphrase\n")
        expectSuccess(try msp("user", "add", "j.dupont", "--role", "viewer", "--password-file", "password.txt"))
        #expect(try Self.applied(msp.database).contains(newest))
        #expect(msp.exists("msp.sqlite.schema-v\(version).bak"))
    }
}
