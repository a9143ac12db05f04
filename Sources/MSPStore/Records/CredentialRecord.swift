import GRDB
import MSPDomain

/// A row of `credential` (migrations/0002_credentials.sql): credentials received for a delegation.
package struct CredentialRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "credential"
    package var id: Int64?
    package var meetingId: Int64
    package var delegationId: Int64
    package var changeId: Int64
    package var kind: CredentialKind
    package var receivedAt: Int64
    package var receivedPrecision: Receipt.Precision

    enum CodingKeys: String, CodingKey {
        case id, kind
        case meetingId = "meeting_id"
        case delegationId = "delegation_id"
        case changeId = "change_id"
        case receivedAt = "received_at"
        case receivedPrecision = "received_precision"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let delegationId = Column(CodingKeys.delegationId)
        package static let changeId = Column(CodingKeys.changeId)
        package static let kind = Column(CodingKeys.kind)
        package static let receivedAt = Column(CodingKeys.receivedAt)
        package static let receivedPrecision = Column(CodingKeys.receivedPrecision)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

}

extension CredentialRecord {
    /// Read column by column so that a kind or precision this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        meetingId = try row.decode(forColumn: Columns.meetingId)
        delegationId = try row.decode(forColumn: Columns.delegationId)
        changeId = try row.decode(forColumn: Columns.changeId)
        kind = try row.stored(Columns.kind, of: Self.databaseTableName)
        receivedAt = try row.decode(forColumn: Columns.receivedAt)
        receivedPrecision = try row.stored(Columns.receivedPrecision, of: Self.databaseTableName)
    }
}
