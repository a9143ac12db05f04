import GRDB

/// A row of `delegation`: a State's or an organization's delegation to one meeting.
package struct DelegationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "delegation"
    package var id: Int64?
    package var meetingId: Int64
    package var stateIso3: String?
    package var organizationId: Int64?
    package var name: String
    package var sortKey: String
    /// The newest note that lists participants.
    package var compositionNoteId: Int64?
    package var withdrawn: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, withdrawn
        case meetingId = "meeting_id"
        case stateIso3 = "state_iso3"
        case organizationId = "organization_id"
        case sortKey = "sort_key"
        case compositionNoteId = "composition_note_id"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let stateIso3 = Column(CodingKeys.stateIso3)
        package static let organizationId = Column(CodingKeys.organizationId)
        package static let name = Column(CodingKeys.name)
        package static let sortKey = Column(CodingKeys.sortKey)
        package static let compositionNoteId = Column(CodingKeys.compositionNoteId)
        package static let withdrawn = Column(CodingKeys.withdrawn)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
