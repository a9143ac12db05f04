import GRDB
import MSPDomain

/// A row of `credential` (migrations/0002_credentials.sql): credentials received for a delegation.
public struct CredentialRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "credential"
    public var id: Int64?
    public var meetingId: Int64
    public var delegationId: Int64
    public var changeId: Int64
    public var kind: String
    public var receivedAt: Int64
    public var receivedPrecision: String

    enum CodingKeys: String, CodingKey {
        case id, kind
        case meetingId = "meeting_id", delegationId = "delegation_id", changeId = "change_id"
        case receivedAt = "received_at", receivedPrecision = "received_precision"
    }

    public enum Columns {
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let delegationId = Column(CodingKeys.delegationId)
        public static let receivedAt = Column(CodingKeys.receivedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
