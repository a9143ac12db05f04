import GRDB
import MSPDomain

/// A row of `organization`: an organization that sends delegations, with its category and other names.
public struct OrganizationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "organization"
    public var id: Int64?
    public var name: String
    public var nameKey: String
    public var acronym: String?
    public var category: String
    public var aliases: String

    enum CodingKeys: String, CodingKey {
        case id, name, acronym, category, aliases
        case nameKey = "name_key"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(_ organization: Organization) {
        name = organization.name
        nameKey = NameKey.of(organization.name)
        acronym = organization.acronym
        category = organization.category.rawValue
        aliases = organization.aliases.joined(separator: "|")
    }

    public var organization: Organization {
        Organization(name: name, acronym: acronym, category: Category(rawValue: category) ?? .civilSociety,
                     aliases: aliases.split(separator: "|").map(String.init))
    }
}
