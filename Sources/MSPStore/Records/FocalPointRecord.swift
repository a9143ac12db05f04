import Foundation
import GRDB

/// A row of `focal_point` (migrations/0005_focal_points.sql): one link issued to a delegation's focal point. Only the
/// SHA-256 of the link's token is kept.
package struct FocalPointRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "focal_point"
    package var id: Int64?
    package var meetingId: Int64
    package var stateIso3: String?
    package var organizationId: Int64?
    /// The delegation's name on the meeting's opening day, as a copy.
    package var name: String
    package var email: String
    /// SHA-256 of the token, 32 bytes.
    package var tokenHash: Data
    /// The change that issued the link.
    package var changeId: Int64
    /// The link this one replaced, when it was re-issued.
    package var replaces: Int64?
    /// When the link stopped working (seconds since 1970), nil while it works.
    package var revokedAt: Int64?
    package var revokedChangeId: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, email, replaces
        case meetingId = "meeting_id"
        case stateIso3 = "state_iso3"
        case organizationId = "organization_id"
        case tokenHash = "token_hash"
        case changeId = "change_id"
        case revokedAt = "revoked_at"
        case revokedChangeId = "revoked_change_id"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let stateIso3 = Column(CodingKeys.stateIso3)
        package static let organizationId = Column(CodingKeys.organizationId)
        package static let name = Column(CodingKeys.name)
        package static let email = Column(CodingKeys.email)
        package static let tokenHash = Column(CodingKeys.tokenHash)
        package static let changeId = Column(CodingKeys.changeId)
        package static let replaces = Column(CodingKeys.replaces)
        package static let revokedAt = Column(CodingKeys.revokedAt)
        package static let revokedChangeId = Column(CodingKeys.revokedChangeId)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FocalPointRecord {
    /// Read column by column: a row whose columns do not decode is a `StoreError`, not a crash.
    package init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        meetingId = try row.decode(forColumn: Columns.meetingId)
        stateIso3 = try row.decode(forColumn: Columns.stateIso3)
        organizationId = try row.decode(forColumn: Columns.organizationId)
        name = try row.decode(forColumn: Columns.name)
        email = try row.decode(forColumn: Columns.email)
        tokenHash = try row.decode(forColumn: Columns.tokenHash)
        changeId = try row.decode(forColumn: Columns.changeId)
        replaces = try row.decode(forColumn: Columns.replaces)
        revokedAt = try row.decode(forColumn: Columns.revokedAt)
        revokedChangeId = try row.decode(forColumn: Columns.revokedChangeId)
    }
}
