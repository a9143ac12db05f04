import GRDB
import MSPDomain

/// A row of `decision`: the secretariat's decision on a late note, by the note's number; the newest counts.
public struct DecisionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "decision"
    public var id: Int64?
    public var noteNumber: Int64
    public var changeId: Int64
    public var outcome: Decision

    enum CodingKeys: String, CodingKey {
        case id, outcome
        case noteNumber = "note_number"
        case changeId = "change_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let noteNumber = Column(CodingKeys.noteNumber)
        public static let changeId = Column(CodingKeys.changeId)
        public static let outcome = Column(CodingKeys.outcome)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DecisionRecord {
    /// Read column by column so that an outcome this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        noteNumber = try row.decode(forColumn: Columns.noteNumber)
        changeId = try row.decode(forColumn: Columns.changeId)
        outcome = try row.stored(Columns.outcome, of: Self.databaseTableName)
    }
}
