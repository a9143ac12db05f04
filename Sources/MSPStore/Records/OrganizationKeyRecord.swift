import GRDB

/// A row of `organization_key`: one key (folded name, acronym or alias) an organization is found by.
package struct OrganizationKeyRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "organization_key"
    package var key: String
    package var organizationId: Int64

    enum CodingKeys: String, CodingKey {
        case key
        case organizationId = "organization_id"
    }

    package enum Columns {
        package static let key = Column(CodingKeys.key)
        package static let organizationId = Column(CodingKeys.organizationId)
    }
}
