import GRDB

/// A row of `organization_key`: one key (folded name, acronym or alias) an organization is found by.
public struct OrganizationKeyRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "organization_key"
    public var key: String
    public var organizationId: Int64

    enum CodingKeys: String, CodingKey {
        case key
        case organizationId = "organization_id"
    }

    public enum Columns {
        public static let key = Column(CodingKeys.key)
        public static let organizationId = Column(CodingKeys.organizationId)
    }
}
