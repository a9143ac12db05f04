import GRDB
import MSPDomain

/// A row of `note`: a note verbale or letter, as received.
public struct NoteRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "note"
    public var id: Int64?
    public var meetingId: Int64
    public var delegationId: Int64
    public var changeId: Int64
    public var kind: String
    public var reference: String?
    public var receivedAt: Int64
    public var receivedPrecision: String
    public var channel: String?
    public var participantCount: Int

    enum CodingKeys: String, CodingKey {
        case id, kind, reference, channel
        case meetingId = "meeting_id", delegationId = "delegation_id", changeId = "change_id"
        case receivedAt = "received_at", receivedPrecision = "received_precision", participantCount = "participant_count"
    }

    public enum Columns {
        public static let delegationId = Column(CodingKeys.delegationId)
        public static let receivedAt = Column(CodingKeys.receivedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
