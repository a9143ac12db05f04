import GRDB

/// A row of `change`: who ran which command, when (every change to the record has one).
public struct ChangeRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "change"
    public var id: Int64?
    public var madeAt: Int64
    public var osUser: String
    public var command: String
    public var summary: String
    /// Why, when the secretariat gives a reason (a decision, a correction, a voiding).
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case id, command, summary, reason
        case madeAt = "made_at"
        case osUser = "os_user"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let madeAt = Column(CodingKeys.madeAt)
        public static let osUser = Column(CodingKeys.osUser)
        public static let command = Column(CodingKeys.command)
        public static let summary = Column(CodingKeys.summary)
        public static let reason = Column(CodingKeys.reason)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
