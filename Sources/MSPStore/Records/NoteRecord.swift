import GRDB
import MSPDomain

/// A row of `note`: a note verbale or letter, as received.
public struct NoteRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "note"
    public var id: Int64?
    public var meetingId: Int64
    public var delegationId: Int64
    public var changeId: Int64
    public var kind: NoteKind
    public var reference: String?
    public var receivedAt: Int64
    public var receivedPrecision: Receipt.Precision
    public var channel: Channel?
    public var participantCount: Int
    /// The note's number (the id of its first version); nil in the first version itself.
    public var number: Int64?
    /// The version that replaced this one (a correction, a voiding, a restoring); nil for the current version.
    public var replacedBy: Int64?
    /// A voided version takes the note off everything but the history.
    public var voided: Bool

    /// The note's number, which every version keeps.
    public var noteNumber: Int64 { number ?? id! }

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

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let delegationId = Column(CodingKeys.delegationId)
        public static let changeId = Column(CodingKeys.changeId)
        public static let kind = Column(CodingKeys.kind)
        public static let reference = Column(CodingKeys.reference)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let receivedPrecision = Column(CodingKeys.receivedPrecision)
        public static let channel = Column(CodingKeys.channel)
        public static let participantCount = Column(CodingKeys.participantCount)
        public static let number = Column(CodingKeys.number)
        public static let replacedBy = Column(CodingKeys.replacedBy)
        public static let voided = Column(CodingKeys.voided)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension NoteRecord {
    /// Read column by column so that a kind, precision or channel this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
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
