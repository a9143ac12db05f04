import GRDB
import MSPDomain

/// A row of `meeting`: a meeting, its dates and its deadline.
public struct MeetingRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "meeting"
    public var id: Int64?
    public var code: String
    public var title: String
    public var convention: String
    public var venue: String?
    public var opensOn: String
    public var closesOn: String
    public var timeZone: String
    public var deadlineAt: Int64
    public var deadlineOn: String?
    public var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, code, title, convention, venue
        case opensOn = "opens_on"
        case closesOn = "closes_on"
        case timeZone = "time_zone"
        case deadlineAt = "deadline_at"
        case deadlineOn = "deadline_on"
        case createdAt = "created_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let code = Column(CodingKeys.code)
        public static let title = Column(CodingKeys.title)
        public static let convention = Column(CodingKeys.convention)
        public static let venue = Column(CodingKeys.venue)
        public static let opensOn = Column(CodingKeys.opensOn)
        public static let closesOn = Column(CodingKeys.closesOn)
        public static let timeZone = Column(CodingKeys.timeZone)
        public static let deadlineAt = Column(CodingKeys.deadlineAt)
        public static let deadlineOn = Column(CodingKeys.deadlineOn)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(_ meeting: Meeting, createdAt: Instant) {
        code = meeting.code
        title = meeting.title
        convention = meeting.convention
        venue = meeting.venue
        opensOn = meeting.opens.description
        closesOn = meeting.closes.description
        timeZone = meeting.timeZone.identifier
        deadlineAt = meeting.deadline.closesAt.secondsSinceEpoch
        deadlineOn = meeting.deadline.day?.description
        self.createdAt = createdAt.secondsSinceEpoch
    }

    /// The domain meeting; the row was checked when written, so a failure here means the file was edited by hand.
    public func meeting() throws -> Meeting {
        let zone = try VenueTimeZone(checked: timeZone)
        let deadline: Deadline
        if let deadlineOn, let day = LocalDate(iso: deadlineOn) {
            deadline = .endOfDay(day, closesAt: Instant(secondsSinceEpoch: deadlineAt))
        } else {
            deadline = .instant(Instant(secondsSinceEpoch: deadlineAt))
        }
        guard let opens = LocalDate(iso: opensOn), let closes = LocalDate(iso: closesOn) else {
            throw InputError("meeting \(code) has malformed dates in the database")
        }
        return try Meeting(
            code: code, title: title, convention: convention, venue: venue, opens: opens, closes: closes,
            timeZone: zone, deadline: deadline)
    }
}
