import GRDB

/// A row of `change`: who ran which command, when (every change to the record has one).
package struct ChangeRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "change"
    package var id: Int64?
    package var madeAt: Int64
    package var osUser: String
    package var command: String
    package var summary: String
    /// Why, when the secretariat gives a reason (a decision, a correction, a voiding).
    package var reason: String?

    enum CodingKeys: String, CodingKey {
        case id, command, summary, reason
        case madeAt = "made_at"
        case osUser = "os_user"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let madeAt = Column(CodingKeys.madeAt)
        package static let osUser = Column(CodingKeys.osUser)
        package static let command = Column(CodingKeys.command)
        package static let summary = Column(CodingKeys.summary)
        package static let reason = Column(CodingKeys.reason)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
