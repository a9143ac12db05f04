import GRDB
import MSPDomain

/// A row of `organization`: an organization that sends delegations, with its category and other names.
package struct OrganizationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "organization"
    package var id: Int64?
    package var name: String
    package var nameKey: String
    package var acronym: String?
    package var category: Category
    /// The other names, `|`-separated.
    package var aliases: String

    enum CodingKeys: String, CodingKey {
        case id, name, acronym, category, aliases
        case nameKey = "name_key"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let name = Column(CodingKeys.name)
        package static let nameKey = Column(CodingKeys.nameKey)
        package static let acronym = Column(CodingKeys.acronym)
        package static let category = Column(CodingKeys.category)
        package static let aliases = Column(CodingKeys.aliases)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package init(_ organization: Organization) {
        name = organization.name
        nameKey = NameKey.of(organization.name)
        acronym = organization.acronym
        category = organization.category
        aliases = organization.aliases.joined(separator: "|")
    }

    package var organization: Organization {
        Organization(
            name: name, acronym: acronym, category: category,
            aliases: aliases.split(separator: "|").map(String.init))
    }
}

extension OrganizationRecord {
    /// Read column by column so that a category this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        name = try row.decode(forColumn: Columns.name)
        nameKey = try row.decode(forColumn: Columns.nameKey)
        acronym = try row.decode(forColumn: Columns.acronym)
        category = try row.stored(Columns.category, of: Self.databaseTableName)
        aliases = try row.decode(forColumn: Columns.aliases)
    }
}
