import GRDB
import MSPDomain

/// A row of `change`: who ran which command, when (every change to the record has one).
public struct ChangeRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "change"
    public var id: Int64?
    public var madeAt: Int64
    public var osUser: String
    public var command: String
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case id, command, summary
        case madeAt = "made_at", osUser = "os_user"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
