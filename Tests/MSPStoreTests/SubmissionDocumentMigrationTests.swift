import Foundation
import GRDB
import MSPDomain
import Testing

@testable import MSPStore

/// Migration 0012 moves each submitted PDF out of the submission's row into `submission_document`: a database
/// written by msp before it (schema 11, PDFs in `submission.pdf`) is upgraded with every PDF, its size and its hash
/// kept, byte for byte.
@Suite struct SubmissionDocumentMigrationTests {
    @Test func everyPDFOfAnOlderDatabaseIsKeptByteForByte() throws {
        let path = try SchemaVersionTests.scratch()
        let before = SchemaMigrator(
            migrations: SchemaMigrator.embedded.migrations.filter { $0.identifier < "0012" })
        #expect(before.version == 11)
        // The database as the landed version wrote it: a meeting, a focal point, and three submissions whose PDFs
        // are of different sizes (one spans many overflow pages).
        let old = try Store(path: path, migrator: before)
        let meeting = try old.addMeeting(Sample.meeting(), change: Sample.change())
        let pdfs = [
            Data("%PDF-1.4 a %%EOF".utf8), Data(repeating: 0x25, count: 200_000), Data([0x25, 0x50, 0x44, 0x46]),
        ]
        try old.transaction { db in
            try db.execute(
                sql: """
                    INSERT INTO change (made_at, os_user, command, summary) VALUES (1500000000, 'clerk', 'test', 'x');
                    INSERT INTO focal_point (meeting_id, state_iso3, name, email, token_hash, change_id)
                    VALUES (?, 'UGA', 'Uganda', 'f@ug.example', zeroblob(32), 1);
                    """, arguments: [meeting.id])
            for (index, pdf) in pdfs.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO submission (meeting_id, state_iso3, focal_point_id, received_at, change_id, content,
                                                pdf, pdf_sha256, kind)
                        VALUES (?, 'UGA', 1, ?, 1, '{"participants":[]}', ?, zeroblob(32), 'withdrawal')
                        """, arguments: [meeting.id, 1_500_000_000 + index, pdf])
            }
        }
        old.close()

        let upgraded = try Store(path: path)
        try upgraded.commitUpgrade()
        #expect(try upgraded.schemaVersion() == SchemaMigrator.embedded.version)
        for (index, pdf) in pdfs.enumerated() {
            #expect(try upgraded.submissionPDF(id: Int64(index + 1), meeting: meeting) == pdf)
        }
        let sizes = try upgraded.read { try Int.fetchAll($0, sql: "SELECT pdf_size FROM submission ORDER BY id") }
        #expect(sizes == pdfs.map(\.count))
        let columns = try upgraded.read { try $0.columns(in: "submission").map(\.name) }
        #expect(!columns.contains("pdf"))
        #expect(try upgraded.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try upgraded.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        upgraded.close()
    }
}

/// An operation that rolls its own writes back (a dry run, an import that found problems) leaves an older database's
/// schema as it was: the held upgrade is rolled back with it, though the operation's transaction itself returns.
@Suite struct HeldUpgradeTests {
    @Test func aRehearsalInsideAnOperationLeavesTheOlderSchema() throws {
        let path = try SchemaVersionTests.scratch()
        let before = SchemaMigrator(
            migrations: SchemaMigrator.embedded.migrations.filter { $0.identifier < "0012" })
        try Store(path: path, migrator: before).close()
        let store = try Store(path: path)
        #expect(store.upgradeBackup != nil)
        let rehearsed = try store.operation(.write) {
            try store.rehearse { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meeting") ?? -1 }
        }
        #expect(rehearsed == 0)
        store.close()
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        #expect(try queue.read { try SchemaMigrator.embedded.appliedIdentifiers($0).count } == 11)

        // An operation that writes keeps the upgrade.
        let writing = try Store(path: path)
        try writing.operation(.write) {
            try writing.transaction { db in
                try db.execute(
                    sql: "INSERT INTO change (made_at, os_user, command, summary) VALUES (1, 'test', 'test', 'x')")
            }
        }
        writing.close()
        #expect(try queue.read { try SchemaMigrator.embedded.appliedIdentifiers($0).count } == 12)
    }
}
