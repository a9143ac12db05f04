import GRDB
import MSPDomain

/// A row of `account`: a secretariat account of the portal, with its bcrypt password hash.
public struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "account"
    public var id: Int64?
    public var name: String
    public var role: AccountRole
    public var passwordHash: String
    public var createdAt: Int64
    public var disabledAt: Int64?
    public var changeId: Int64

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case passwordHash = "password_hash"
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
        case changeId = "change_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let role = Column(CodingKeys.role)
        public static let passwordHash = Column(CodingKeys.passwordHash)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let disabledAt = Column(CodingKeys.disabledAt)
        public static let changeId = Column(CodingKeys.changeId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var account: Account {
        Account(
            name: name, role: role, createdAt: Instant(secondsSinceEpoch: createdAt),
            disabledAt: disabledAt.map { Instant(secondsSinceEpoch: $0) })
    }
}

extension AccountRecord {
    /// Read column by column so that a role this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        name = try row.decode(forColumn: Columns.name)
        role = try row.stored(Columns.role, of: Self.databaseTableName)
        passwordHash = try row.decode(forColumn: Columns.passwordHash)
        createdAt = try row.decode(forColumn: Columns.createdAt)
        disabledAt = try row.decode(forColumn: Columns.disabledAt)
        changeId = try row.decode(forColumn: Columns.changeId)
    }
}
