import GRDB
import GRDBSQLite

/// Runs one of GRDB's cached statements with values bound through SQLite's C API.
///
/// For the inserts that an import runs 100,000 times (a participant, a note, a new delegation or organization).
/// GRDB's `execute(arguments:)` builds a `StatementArguments` array of `DatabaseValue`s for each call, checks it
/// against the statement and binds from it, and a record's `insert` encodes the record into a container first:
/// about 16,000 and 37,000 instructions per insert beside SQLite's own 14,000 (callgrind, bench/results.md).
///
/// Texts are copied once, into the binder's own buffer, and bound from there without SQLite copying them again
/// (`SQLITE_STATIC`: SQLite's copy of each text cost 800 instructions); `run` steps the statement once, resets it
/// and clears its bindings, so no binding outlives the buffer. A failure is thrown as GRDB's `DatabaseError`, with
/// the extended result code (`SQLITE_CONSTRAINT_UNIQUE`...), so callers catch it by pattern as they catch GRDB's.
struct StatementBinder {
    private enum Value {
        case integer(Int64)
        case text(offset: Int, count: Int)
        case null
    }

    private let statement: Statement
    private let db: Database
    private var values: [Value] = []
    private var texts: [UInt8] = []

    init(_ statement: Statement, in db: Database) {
        self.statement = statement
        self.db = db
        values.reserveCapacity(12)
        texts.reserveCapacity(256)
    }

    mutating func bind(_ value: Int64) { values.append(.integer(value)) }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: String?) {
        guard var value else { return bindNull() }
        let offset = texts.count
        value.withUTF8 { texts.append(contentsOf: $0) }
        values.append(.text(offset: offset, count: texts.count - offset))
    }

    mutating func bind<Value: StoredEnum>(_ value: Value?) { bind(value?.rawValue) }

    mutating func bindNull() { values.append(.null) }

    /// Binds the values, steps the statement to its end, resets it and clears its bindings; SQLite's error as a
    /// `DatabaseError`.
    func run() throws {
        let handle = statement.sqliteStatement
        precondition(
            values.count == Int(sqlite3_bind_parameter_count(handle)), "every parameter of the statement is bound")
        let failure = texts.withUnsafeBufferPointer { buffer -> DatabaseError? in
            sqlite3_reset(handle)
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case .integer(let integer):
                    sqlite3_bind_int64(handle, position, integer)
                case .null:
                    sqlite3_bind_null(handle, position)
                case .text(let offset, let count) where count > 0:
                    // A text's bytes are in `texts`, so the buffer has a base address.
                    let start = UnsafeRawPointer(buffer.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                    sqlite3_bind_text(handle, position, start, Int32(count), StatementBinder.static)
                case .text:
                    // An empty text binds "" (a NULL pointer would bind NULL).
                    sqlite3_bind_text(handle, position, "", 0, StatementBinder.transient)
                }
            }
            var failure: DatabaseError?
            if sqlite3_step(handle) != SQLITE_DONE {
                failure = DatabaseError(
                    resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return failure
        }
        if let failure { throw failure }
    }

    /// `SQLITE_STATIC`: the text stays where it is until the statement is reset (it is, within `run`).
    private static var `static`: sqlite3_destructor_type? { nil }
    /// `SQLITE_TRANSIENT`: SQLite copies the text.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}
