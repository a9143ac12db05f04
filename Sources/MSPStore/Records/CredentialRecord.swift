import GRDB
import MSPDomain

/// A row of `credential` (migrations/0002_credentials.sql): credentials received for a delegation.
public struct CredentialRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "credential"
    public var id: Int64?
    public var meetingId: Int64
    public var delegationId: Int64
    public var changeId: Int64
    public var kind: CredentialKind
    public var receivedAt: Int64
    public var receivedPrecision: Receipt.Precision

    enum CodingKeys: String, CodingKey {
        case id, kind
        case meetingId = "meeting_id"
        case delegationId = "delegation_id"
        case changeId = "change_id"
        case receivedAt = "received_at"
        case receivedPrecision = "received_precision"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let delegationId = Column(CodingKeys.delegationId)
        public static let changeId = Column(CodingKeys.changeId)
        public static let kind = Column(CodingKeys.kind)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let receivedPrecision = Column(CodingKeys.receivedPrecision)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

}

extension CredentialRecord {
    /// Read column by column so that a kind or precision this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        meetingId = try row.decode(forColumn: Columns.meetingId)
        delegationId = try row.decode(forColumn: Columns.delegationId)
        changeId = try row.decode(forColumn: Columns.changeId)
        kind = try row.stored(Columns.kind, of: Self.databaseTableName)
        receivedAt = try row.decode(forColumn: Columns.receivedAt)
        receivedPrecision = try row.stored(Columns.receivedPrecision, of: Self.databaseTableName)
    }
}
