import GRDB
import MSPDomain

/// A row of `note`: a note verbale or letter, as received.
package struct NoteRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "note"
    package var id: Int64?
    package var meetingId: Int64
    package var delegationId: Int64
    package var changeId: Int64
    package var kind: NoteKind
    package var reference: String?
    package var receivedAt: Int64
    package var receivedPrecision: Receipt.Precision
    package var channel: Channel?
    package var participantCount: Int
    /// The note's number (the id of its first version); nil in the first version itself.
    package var number: Int64?
    /// The version that replaced this one (a correction, a voiding, a restoring); nil for the current version.
    package var replacedBy: Int64?
    /// A voided version takes the note off everything but the history.
    package var voided: Bool

    /// The note's number, which every version keeps.
    package var noteNumber: Int64 { number ?? id! }

    enum CodingKeys: String, CodingKey {
        case id, kind, reference, channel, number, voided
        case meetingId = "meeting_id"
        case delegationId = "delegation_id"
        case changeId = "change_id"
        case receivedAt = "received_at"
        case receivedPrecision = "received_precision"
        case participantCount = "participant_count"
        case replacedBy = "replaced_by"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let delegationId = Column(CodingKeys.delegationId)
        package static let changeId = Column(CodingKeys.changeId)
        package static let kind = Column(CodingKeys.kind)
        package static let reference = Column(CodingKeys.reference)
        package static let receivedAt = Column(CodingKeys.receivedAt)
        package static let receivedPrecision = Column(CodingKeys.receivedPrecision)
        package static let channel = Column(CodingKeys.channel)
        package static let participantCount = Column(CodingKeys.participantCount)
        package static let number = Column(CodingKeys.number)
        package static let replacedBy = Column(CodingKeys.replacedBy)
        package static let voided = Column(CodingKeys.voided)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension NoteRecord {
    /// Read column by column so that a kind, precision or channel this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        meetingId = try row.decode(forColumn: Columns.meetingId)
        delegationId = try row.decode(forColumn: Columns.delegationId)
        changeId = try row.decode(forColumn: Columns.changeId)
        kind = try row.stored(Columns.kind, of: Self.databaseTableName)
        reference = try row.decode(forColumn: Columns.reference)
        receivedAt = try row.decode(forColumn: Columns.receivedAt)
        receivedPrecision = try row.stored(Columns.receivedPrecision, of: Self.databaseTableName)
        channel = try row.storedIfPresent(Columns.channel, of: Self.databaseTableName)
        participantCount = try row.decode(forColumn: Columns.participantCount)
        number = try row.decode(forColumn: Columns.number)
        replacedBy = try row.decode(forColumn: Columns.replacedBy)
        voided = try row.decode(forColumn: Columns.voided)
    }
}
