import MSPDomain

/// A meeting as `msp meeting list` writes it (and as the list of participants and `meeting show` name it in JSON).
struct MeetingRow: ReportRow, Equatable {
    var code: String
    var title: String
    var convention: String
    var opens: String
    var closes: String
    /// The instant the deadline closes, with the meeting's offset.
    var deadlineAt: String
    /// The deadline's day, when it was given as a day.
    var deadlineDay: String?
    var timeZone: String
    var venue: String?
    /// `include` or `hold`: what a late note awaiting a decision does.
    var undecidedLateNotes: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, title, convention, opens, closes
        case deadlineAt = "deadline_at"
        case deadlineDay = "deadline_day"
        case timeZone = "time_zone"
        case venue
        case undecidedLateNotes = "undecided_late_notes"
    }

    init(_ m: Meeting) {
        code = m.code
        title = m.title
        convention = m.convention
        opens = m.opens.description
        closes = m.closes.description
        deadlineAt = m.timeZone.format(m.deadline.closesAt)
        deadlineDay = m.deadline.day?.description
        timeZone = m.timeZone.identifier
        venue = m.venue
        undecidedLateNotes = m.undecidedLateNotes.rawValue
    }
}

/// `msp meeting list`: one row per meeting, the same keys in every format.
enum MeetingListReport {
    static func render(_ meetings: [Meeting], format: OutputFormat) throws -> String {
        try Writers.rows(meetings.map(MeetingRow.init), as: format)
    }
}

enum MeetingText {
    /// "18 August 2017, end of day in Europe/Zurich (2017-08-19T00:00:00+02:00)".
    static func deadline(_ meeting: Meeting) -> String {
        guard meeting.deadline.day != nil else { return meeting.deadlineDescription }
        return "\(meeting.deadlineDescription) (\(meeting.timeZone.format(meeting.deadline.closesAt)))"
    }
}
