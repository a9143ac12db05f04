import GRDB
import MSPDomain

/// A row of `decision`: the secretariat's decision on a late note, by the note's number; the newest counts.
package struct DecisionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "decision"
    package var id: Int64?
    package var noteNumber: Int64
    package var changeId: Int64
    package var outcome: Decision

    enum CodingKeys: String, CodingKey {
        case id, outcome
        case noteNumber = "note_number"
        case changeId = "change_id"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let noteNumber = Column(CodingKeys.noteNumber)
        package static let changeId = Column(CodingKeys.changeId)
        package static let outcome = Column(CodingKeys.outcome)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DecisionRecord {
    /// Read column by column so that an outcome this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        noteNumber = try row.decode(forColumn: Columns.noteNumber)
        changeId = try row.decode(forColumn: Columns.changeId)
        outcome = try row.stored(Columns.outcome, of: Self.databaseTableName)
    }
}
