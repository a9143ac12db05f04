import GRDB
import MSPDomain

/// A row of `meeting`: a meeting, its dates and its deadline.
package struct MeetingRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "meeting"
    package var id: Int64?
    package var code: String
    package var title: String
    package var convention: String
    package var venue: String?
    package var opensOn: String
    package var closesOn: String
    package var timeZone: String
    package var deadlineAt: Int64
    package var deadlineOn: String?
    package var createdAt: Int64
    package var undecidedLateNotes: UndecidedLateNotes

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

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let code = Column(CodingKeys.code)
        package static let title = Column(CodingKeys.title)
        package static let convention = Column(CodingKeys.convention)
        package static let venue = Column(CodingKeys.venue)
        package static let opensOn = Column(CodingKeys.opensOn)
        package static let closesOn = Column(CodingKeys.closesOn)
        package static let timeZone = Column(CodingKeys.timeZone)
        package static let deadlineAt = Column(CodingKeys.deadlineAt)
        package static let deadlineOn = Column(CodingKeys.deadlineOn)
        package static let createdAt = Column(CodingKeys.createdAt)
        package static let undecidedLateNotes = Column(CodingKeys.undecidedLateNotes)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package init(_ meeting: Meeting, createdAt: Instant) {
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
    package func meeting() throws -> Meeting {
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
    package init(row: Row) throws {
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
