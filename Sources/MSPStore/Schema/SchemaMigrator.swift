import Foundation
import GRDB

/// Applies the SQL files of `migrations/` (embedded in the binary) in order of their names.
///
/// GRDB's `DatabaseMigrator` runs each migration in its own transaction; msp wants all pending migrations in
/// one transaction (an older database is upgraded whole or not at all), a copy of the older file kept beside
/// it first, and a database written by a newer msp refused untouched. The applied identifiers live in
/// `schema_migration`.
package struct SchemaMigrator: Sendable {
    package struct Migration: Sendable {
        package var identifier: String
        package var sql: String

        package init(identifier: String, sql: String) {
            self.identifier = identifier
            self.sql = sql
        }
    }

    package let migrations: [Migration]

    package init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.identifier < $1.identifier }
    }

    /// The migrations carried in this binary.
    package static let embedded = SchemaMigrator(
        migrations: EmbeddedResources.files
            .filter { $0.key.hasPrefix("migrations/") && $0.key.hasSuffix(".sql") }
            .map {
                Migration(
                    identifier: String($0.key.dropFirst("migrations/".count).dropLast(".sql".count)), sql: $0.value)
            })

    /// The schema version this binary writes: the number of migrations it knows.
    package var version: Int { migrations.count }

    package func appliedIdentifiers(_ db: Database) throws -> [String] {
        guard try db.tableExists("schema_migration") else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM schema_migration ORDER BY identifier")
    }

    /// What the database needs, read without writing anything.
    package enum Plan: Equatable, Sendable {
        case upToDate
        case create
        case upgrade(from: Int, pending: [String])
    }

    package func plan(_ db: Database) throws -> Plan {
        let applied = try appliedIdentifiers(db)
        let known = Set(migrations.map(\.identifier))
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw StoreError.newerSchema(databaseVersion: applied.count, binaryVersion: version, unknown: unknown)
        }
        let pending = migrations.map(\.identifier).filter { !applied.contains($0) }
        if pending.isEmpty { return .upToDate }
        return applied.isEmpty ? .create : .upgrade(from: applied.count, pending: pending)
    }

    /// Applies every pending migration inside the caller's transaction.
    package func applyPending(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    identifier TEXT PRIMARY KEY,
                    applied_at INTEGER NOT NULL
                ) WITHOUT ROWID
                """)
        let applied = Set(try appliedIdentifiers(db))
        let now = Int64(Date().timeIntervalSince1970)
        for migration in migrations where !applied.contains(migration.identifier) {
            try db.execute(sql: migration.sql)
            try db.execute(
                sql: "INSERT INTO schema_migration (identifier, applied_at) VALUES (?, ?)",
                arguments: [migration.identifier, now])
        }
    }
}
