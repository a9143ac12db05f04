import GRDB
import MSPDomain

/// A row of `account`: a secretariat account of the portal, with its bcrypt password hash.
package struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "account"
    package var id: Int64?
    package var name: String
    package var role: AccountRole
    package var passwordHash: String
    package var createdAt: Int64
    package var disabledAt: Int64?
    package var changeId: Int64

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case passwordHash = "password_hash"
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
        case changeId = "change_id"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let name = Column(CodingKeys.name)
        package static let role = Column(CodingKeys.role)
        package static let passwordHash = Column(CodingKeys.passwordHash)
        package static let createdAt = Column(CodingKeys.createdAt)
        package static let disabledAt = Column(CodingKeys.disabledAt)
        package static let changeId = Column(CodingKeys.changeId)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package var account: Account {
        Account(
            name: name, role: role, createdAt: Instant(secondsSinceEpoch: createdAt),
            disabledAt: disabledAt.map { Instant(secondsSinceEpoch: $0) })
    }
}

extension AccountRecord {
    /// Read column by column so that a role this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        name = try row.decode(forColumn: Columns.name)
        role = try row.stored(Columns.role, of: Self.databaseTableName)
        passwordHash = try row.decode(forColumn: Columns.passwordHash)
        createdAt = try row.decode(forColumn: Columns.createdAt)
        disabledAt = try row.decode(forColumn: Columns.disabledAt)
        changeId = try row.decode(forColumn: Columns.changeId)
    }
}
