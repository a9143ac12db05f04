import GRDB
import MSPDomain

/// A row of `organization`: an organization that sends delegations, with its category and other names.
public struct OrganizationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "organization"
    public var id: Int64?
    public var name: String
    public var nameKey: String
    public var acronym: String?
    public var category: Category
    /// The other names, `|`-separated.
    public var aliases: String

    enum CodingKeys: String, CodingKey {
        case id, name, acronym, category, aliases
        case nameKey = "name_key"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let nameKey = Column(CodingKeys.nameKey)
        public static let acronym = Column(CodingKeys.acronym)
        public static let category = Column(CodingKeys.category)
        public static let aliases = Column(CodingKeys.aliases)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(_ organization: Organization) {
        name = organization.name
        nameKey = NameKey.of(organization.name)
        acronym = organization.acronym
        category = organization.category
        aliases = organization.aliases.joined(separator: "|")
    }

    public var organization: Organization {
        Organization(
            name: name, acronym: acronym, category: category,
            aliases: aliases.split(separator: "|").map(String.init))
    }
}

extension OrganizationRecord {
    /// Read column by column so that a category this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        name = try row.decode(forColumn: Columns.name)
        nameKey = try row.decode(forColumn: Columns.nameKey)
        acronym = try row.decode(forColumn: Columns.acronym)
        category = try row.stored(Columns.category, of: Self.databaseTableName)
        aliases = try row.decode(forColumn: Columns.aliases)
    }
}
