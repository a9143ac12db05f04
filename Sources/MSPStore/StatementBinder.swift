import GRDB
import GRDBSQLite

/// Runs one of GRDB's cached statements with values bound through SQLite's C API.
///
/// For the inserts that an import runs 100,000 times (a participant, a note). GRDB's `execute(arguments:)` builds
/// a `StatementArguments` array of `DatabaseValue`s for each call, checks it against the statement and binds from
/// it: about 16,000 instructions per insert beside SQLite's own 14,000 (callgrind, bench/results.md). This binds
/// each value where it is (text copied once by SQLite, `SQLITE_TRANSIENT`), steps once and resets. A failure is
/// thrown as GRDB's `DatabaseError`, with the extended result code (`SQLITE_CONSTRAINT_UNIQUE`...), so callers
/// catch it by pattern as they catch GRDB's own.
struct StatementBinder {
    private let statement: Statement
    private let db: Database
    private var index: Int32 = 0

    init(_ statement: Statement, in db: Database) {
        self.statement = statement
        self.db = db
        sqlite3_reset(statement.sqliteStatement)
    }

    private mutating func next() -> Int32 {
        index += 1
        return index
    }

    mutating func bind(_ value: Int64) { sqlite3_bind_int64(statement.sqliteStatement, next(), value) }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: String?) {
        guard var value else { return bindNull() }
        let position = next()
        value.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the text before this returns. An empty string's buffer may have no
            // address, and a NULL pointer would bind NULL: "" is bound from a literal instead.
            _ = bytes.withMemoryRebound(to: CChar.self) { text in
                guard let start = text.baseAddress, !text.isEmpty else {
                    return sqlite3_bind_text(statement.sqliteStatement, position, "", 0, StatementBinder.transient)
                }
                return sqlite3_bind_text(
                    statement.sqliteStatement, position, start, Int32(text.count), StatementBinder.transient)
            }
        }
    }

    mutating func bind<Value: StoredEnum>(_ value: Value?) { bind(value?.rawValue) }

    mutating func bindNull() { sqlite3_bind_null(statement.sqliteStatement, next()) }

    /// Steps the statement to its end and resets it; SQLite's error as a `DatabaseError`.
    func run() throws {
        precondition(
            index == sqlite3_bind_parameter_count(statement.sqliteStatement),
            "every parameter of the statement is bound")
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let extended = sqlite3_extended_errcode(db.sqliteConnection)
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(statement.sqliteStatement)
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
        }
        sqlite3_reset(statement.sqliteStatement)
    }

    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}
