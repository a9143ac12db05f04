import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// A registration desk on a fresh in-memory database, at a fixed time, for tests.
enum Desk {
    /// 1 September 2017, 12:00 UTC: after the 7MSP's deadline, before it opens.
    static let now = Instant(secondsSinceEpoch: 1_504_267_200)

    static func empty(user: String = "clerk") throws -> RegistrationDesk {
        RegistrationDesk(store: try Store.inMemory(), user: user, clock: { now }, passwordCost: 4)
    }

    static let sevenMSPRequest = MeetingRequest(
        code: "7MSP", title: "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
        convention: "CCM",
        opens: "2017-09-04", closes: "2017-09-06", deadline: "2017-08-18", timeZone: "Europe/Zurich",
        venue: "Palais des Nations, Room XIX, Geneva")

    static let eightMSPRequest = MeetingRequest(
        code: "8MSP", title: "Eighth Meeting of States Parties to the Convention on Cluster Munitions",
        convention: "CCM",
        opens: "2018-09-03", closes: "2018-09-05", deadline: "2018-08-17", timeZone: "Europe/Zurich")

    /// A desk holding the 7MSP (Geneva, 4–6 September 2017, deadline 18 August).
    static func sevenMSP(user: String = "clerk") throws -> RegistrationDesk {
        let desk = try empty(user: user)
        try desk.addMeeting(sevenMSPRequest)
        return desk
    }

    /// A participant entry as a note lists it.
    static func head(_ name: String = "Head of Delegation", title: String? = nil) -> Submission.ParticipantEntry {
        .init(role: "head", title: title, name: name)
    }

    static func member(_ role: String, _ name: String) -> Submission.ParticipantEntry {
        .init(role: role, name: name)
    }

    /// A note verbale or letter with one head unless told otherwise.
    static func note(
        _ delegation: String, _ reference: String? = nil, received: String? = nil, category: String? = nil,
        meeting: String? = nil, participants: [Submission.ParticipantEntry]? = nil
    ) -> Submission {
        Submission(
            meeting: meeting, delegation: delegation, category: category, reference: reference, receivedAt: received,
            participants: participants ?? [head("Head of \(delegation)")])
    }

    /// Registers a note that must be accepted.
    @discardableResult
    static func register(
        _ desk: RegistrationDesk, _ delegation: String, _ reference: String? = nil, received: String? = nil,
        category: String? = nil, participants: [Submission.ParticipantEntry]? = nil
    ) throws -> NoteRecording {
        try desk.register(
            note(delegation, reference, received: received, category: category, participants: participants))
    }

    /// Everything a front end can read back about the database's meetings and the CCM's records: a refused or
    /// rehearsed request must leave it equal.
    struct Snapshot: Equatable {
        struct MeetingState: Equatable {
            var statistics: MeetingStatistics
            var roster: Roster
            var lateNotes: [LateNote]
            var credentials: CredentialsReport
        }
        var meetings: [Meeting]
        var states: [String: MeetingState]
        var membership: [String: MembershipRecord]
    }

    static func snapshot(_ desk: RegistrationDesk) throws -> Snapshot {
        let meetings = try desk.meetings().map(\.meeting)
        var states: [String: Snapshot.MeetingState] = [:]
        for meeting in meetings {
            states[meeting.code] = Snapshot.MeetingState(
                statistics: try desk.statistics(meeting: meeting.code).statistics,
                roster: try desk.roster(meeting: meeting.code).roster,
                lateNotes: try desk.lateNotes(meeting: meeting.code).notes,
                credentials: try desk.credentialsReport(meeting: meeting.code).report)
        }
        return Snapshot(
            meetings: meetings, states: states, membership: try desk.store.membership(convention: "CCM").records)
    }
}

/// Expects `body` to be refused with an `InputError` about `field`, for `reason`; returns the error for more checks.
@discardableResult
func expectRefusal<T>(
    field: FieldPath?, reason: InputError.Reason = .invalid,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) -> InputError? {
    let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) { _ = try body() }
    #expect(error?.field == field, "field", sourceLocation: sourceLocation)
    #expect(error?.reason == reason, "reason", sourceLocation: sourceLocation)
    return error
}

/// Expects `body` to be refused as `expectRefusal` does, and the database to read back exactly as before.
@discardableResult
func expectRefusalWritingNothing<T>(
    _ desk: RegistrationDesk, field: FieldPath?, reason: InputError.Reason = .invalid,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) throws -> InputError? {
    let before = try Desk.snapshot(desk)
    let error = expectRefusal(field: field, reason: reason, sourceLocation: sourceLocation, body)
    #expect(try Desk.snapshot(desk) == before, "nothing written", sourceLocation: sourceLocation)
    return error
}

extension LocalDate {
    /// A day written as a literal in a test.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }
}
