import GRDB

/// A row of `delegation`: a State's or an organization's delegation to one meeting.
public struct DelegationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "delegation"
    public var id: Int64?
    public var meetingId: Int64
    public var stateIso3: String?
    public var organizationId: Int64?
    public var name: String
    public var sortKey: String
    /// The newest note that lists participants.
    public var compositionNoteId: Int64?
    public var withdrawn: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, withdrawn
        case meetingId = "meeting_id"
        case stateIso3 = "state_iso3"
        case organizationId = "organization_id"
        case sortKey = "sort_key"
        case compositionNoteId = "composition_note_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let stateIso3 = Column(CodingKeys.stateIso3)
        public static let organizationId = Column(CodingKeys.organizationId)
        public static let name = Column(CodingKeys.name)
        public static let sortKey = Column(CodingKeys.sortKey)
        public static let compositionNoteId = Column(CodingKeys.compositionNoteId)
        public static let withdrawn = Column(CodingKeys.withdrawn)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
