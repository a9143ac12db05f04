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
    public var undecidedLateNotes: UndecidedLateNotes

    enum CodingKeys: String, CodingKey {
        case id, code, title, convention, venue
        case opensOn = "opens_on"
        case closesOn = "closes_on"
        case timeZone = "time_zone"
        case deadlineAt = "deadline_at"
        case deadlineOn = "deadline_on"
        case createdAt = "created_at"
        case undecidedLateNotes = "undecided_late_notes"
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
        public static let undecidedLateNotes = Column(CodingKeys.undecidedLateNotes)
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
        undecidedLateNotes = meeting.undecidedLateNotes
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
        var meeting = try Meeting(
            code: code, title: title, convention: convention, venue: venue, opens: opens, closes: closes,
            timeZone: zone, deadline: deadline)
        meeting.undecidedLateNotes = undecidedLateNotes
        return meeting
    }
}

extension MeetingRecord {
    /// Read column by column so that a choice for late notes this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        code = try row.decode(forColumn: Columns.code)
        title = try row.decode(forColumn: Columns.title)
        convention = try row.decode(forColumn: Columns.convention)
        venue = try row.decode(forColumn: Columns.venue)
        opensOn = try row.decode(forColumn: Columns.opensOn)
        closesOn = try row.decode(forColumn: Columns.closesOn)
        timeZone = try row.decode(forColumn: Columns.timeZone)
        deadlineAt = try row.decode(forColumn: Columns.deadlineAt)
        deadlineOn = try row.decode(forColumn: Columns.deadlineOn)
        createdAt = try row.decode(forColumn: Columns.createdAt)
        undecidedLateNotes = try row.stored(Columns.undecidedLateNotes, of: Self.databaseTableName)
    }
}
