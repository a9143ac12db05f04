import Foundation
import GRDB
import MSPStore
import Testing

/// A note msp says is recorded is on the disk: the database is in WAL mode with `synchronous = FULL` on every
/// connection msp opens (NORMAL would survive a crashed process but not a power cut).
@Suite struct DurabilityTests {
    @Test func everyConnectionCommitsWithFullSynchronousInWALMode() throws {
        let path = try SchemaVersionTests.scratch()
        let store = try Store(path: path)
        defer { store.close() }
        // 2 is FULL (0 OFF, 1 NORMAL, 3 EXTRA).
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        // Opened again (the file exists now): the same.
        let again = try Store(path: path)
        defer { again.close() }
        #expect(try again.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }
}
