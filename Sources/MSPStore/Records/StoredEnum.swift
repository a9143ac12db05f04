import GRDB
import MSPDomain

/// A domain enum kept in a TEXT column as its raw value.
///
/// `DatabaseValueConvertible` lets records write it and requests compare a column with it
/// (`NoteRecord.Columns.kind != NoteKind.withdrawal`). Reading it goes through `Row.stored`, which throws
/// `StoreError.corrupt` for a value this msp does not know: never a guess, and never GRDB's `fatalError` of
/// `row[...]` on a failed conversion.
package protocol StoredEnum: RawRepresentable<String>, DatabaseValueConvertible {}

extension Category: DatabaseValueConvertible, StoredEnum {}
extension Role: DatabaseValueConvertible, StoredEnum {}
extension Gender: DatabaseValueConvertible, StoredEnum {}
extension Channel: DatabaseValueConvertible, StoredEnum {}
extension NoteKind: DatabaseValueConvertible, StoredEnum {}
extension CredentialKind: DatabaseValueConvertible, StoredEnum {}
extension ConsentKind: DatabaseValueConvertible, StoredEnum {}
extension Receipt.Precision: DatabaseValueConvertible, StoredEnum {}
extension Decision: DatabaseValueConvertible, StoredEnum {}
extension UndecidedLateNotes: DatabaseValueConvertible, StoredEnum {}
extension AccountRole: DatabaseValueConvertible, StoredEnum {}

extension Row {
    /// The enum stored in `column` (a column of `table`, or its alias in a query's result); NULL or a value this
    /// msp does not know throws `StoreError.corrupt`.
    func stored<Value: StoredEnum>(_ column: String, of table: String, as type: Value.Type = Value.self) throws -> Value
    {
        let dbValue: DatabaseValue = self[column]
        guard let value = Value.fromDatabaseValue(dbValue) else {
            throw StoreError.corrupt(table: table, column: column, value: Row.describe(dbValue))
        }
        return value
    }

    /// The enum stored in `column`, nil for NULL; a value this msp does not know throws `StoreError.corrupt`.
    func storedIfPresent<Value: StoredEnum>(_ column: String, of table: String, as type: Value.Type = Value.self) throws
        -> Value?
    {
        let dbValue: DatabaseValue = self[column]
        if dbValue.isNull { return nil }
        guard let value = Value.fromDatabaseValue(dbValue) else {
            throw StoreError.corrupt(table: table, column: column, value: Row.describe(dbValue))
        }
        return value
    }

    func stored<Value: StoredEnum>(_ column: Column, of table: String, as type: Value.Type = Value.self) throws -> Value
    {
        try stored(column.name, of: table)
    }

    func storedIfPresent<Value: StoredEnum>(_ column: Column, of table: String, as type: Value.Type = Value.self) throws
        -> Value?
    {
        try storedIfPresent(column.name, of: table)
    }

    /// `storedIfPresent(_:of:)` for the column at `index` (found by `column`'s name once per query), read as text
    /// without going through `DatabaseValue`: for the roster's 100,000 rows.
    func storedIfPresent<Value: StoredEnum>(
        at index: Int, _ column: String, of table: String,
        as type: Value.Type = Value.self
    ) throws -> Value? {
        guard let raw: String = self[index] else { return nil }
        guard let value = Value(rawValue: raw) else {
            throw StoreError.corrupt(table: table, column: column, value: raw)
        }
        return value
    }

    /// A stored value as an error message quotes it: text as it is, anything else as SQL would write it.
    private static func describe(_ dbValue: DatabaseValue) -> String {
        if let text = String.fromDatabaseValue(dbValue) { return text }
        return dbValue.description
    }
}
