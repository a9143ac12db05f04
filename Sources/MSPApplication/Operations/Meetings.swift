import MSPDomain
import MSPStore

/// A meeting as a front end gives it: every field as typed, checked by `RegistrationDesk.addMeeting`.
package struct MeetingRequest: Sendable, Equatable {
    package var code: String
    package var title: String
    package var convention: String
    /// The day that opens the meeting, YYYY-MM-DD.
    package var opens: String
    package var closes: String
    /// A day ("no later than 18 August": up to the end of that day at the venue) or an exact ISO 8601 instant.
    package var deadline: String
    /// The venue's IANA time zone, e.g. Europe/Zurich.
    package var timeZone: String
    package var venue: String?
    /// What a late note awaiting a decision does at the meeting.
    package var undecidedLateNotes: UndecidedLateNotes

    package init(
        code: String, title: String, convention: String, opens: String, closes: String, deadline: String,
        timeZone: String, venue: String? = nil, undecidedLateNotes: UndecidedLateNotes = .include
    ) {
        self.undecidedLateNotes = undecidedLateNotes
        self.code = code
        self.title = title
        self.convention = convention
        self.opens = opens
        self.closes = closes
        self.deadline = deadline
        self.timeZone = timeZone
        self.venue = venue
    }
}

/// A meeting with its registration figures, as `meeting show` presents it.
package struct MeetingOverview: Sendable, Equatable {
    package var meeting: Meeting
    package var statistics: MeetingStatistics
}

extension RegistrationDesk {
    /// Checks and adds a meeting: its dates in order, a deadline no later than the closing day, a code not used
    /// yet, and a convention whose membership records the database holds (States' categories come from them).
    @discardableResult
    package func addMeeting(_ request: MeetingRequest) throws -> Meeting {
        try writing {
            let meeting = try Self.meeting(request)
            // A State's category at the meeting comes from the convention's records: without them every State
            // would silently be an observer.
            guard try store.membershipRecordCount(convention: meeting.convention) > 0 else {
                throw InputError(
                    "no membership records for convention '\(meeting.convention)': States' categories come from them; load the convention's membership table first",
                    field: .convention, reason: .notFound)
            }
            _ = try store.addMeeting(meeting, change: change("meeting add"))
            return meeting
        }
    }

    /// A meeting request checked against the rules, without the database.
    package static func meeting(_ request: MeetingRequest) throws -> Meeting {
        let zone = try VenueTimeZone(identifier: request.timeZone.trimmed, field: .timeZone)
        var meeting = try Meeting(
            code: request.code, title: request.title, convention: request.convention, venue: request.venue,
            opens: try LocalDate.parse(request.opens, field: .opens),
            closes: try LocalDate.parse(request.closes, field: .closes),
            timeZone: zone, deadline: try WhenParser.deadline(request.deadline, in: zone, field: .deadline))
        meeting.undecidedLateNotes = request.undecidedLateNotes
        return meeting
    }

    /// Every meeting, by opening day.
    package func meetings() throws -> [StoredMeeting] {
        try reading {
            try store.meetings()
        }
    }

    /// The meeting a request is about: the one whose code is given, or the only one in the database.
    package func meeting(code: String?) throws -> StoredMeeting {
        try reading {
            // A database holds a few meetings (one a year or so): all of them are read.
            let all = try store.meetings()
            if let code {
                let wanted = try code.checkedText("meeting code", field: .meeting).trimmed
                // Codes are unique whatever their case (7MSP and 7msp are one meeting).
                if let found = all.first(where: { $0.meeting.code.lowercased() == wanted.lowercased() }) {
                    return found
                }
                let known = all.map(\.meeting.code).sorted()
                let hint =
                    known.isEmpty
                    ? "the database holds no meeting yet" : "the database holds \(known.joined(separator: ", "))"
                throw InputError("no meeting '\(code)': \(hint)", field: .meeting, reason: .notFound)
            }
            switch all.count {
            case 0:
                throw InputError("the database holds no meeting yet: add one first", field: .meeting, reason: .notFound)
            case 1:
                return all[0]
            default:
                let codes = all.map(\.meeting.code).sorted()
                let shown = codes.prefix(5).joined(separator: ", ") + (codes.count > 5 ? ", ..." : "")
                throw InputError("the database holds several meetings (\(shown)): choose one", field: .meeting)
            }
        }
    }

    /// A meeting and its figures, counted as `statistics` counts them.
    package func overview(code: String?) throws -> MeetingOverview {
        try reading {
            let stored = try meeting(code: code)
            return MeetingOverview(meeting: stored.meeting, statistics: try store.statistics(stored))
        }
    }
}
