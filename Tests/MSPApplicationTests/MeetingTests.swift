import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `addMeeting`, `meeting(code:)`, `meetings` and `overview`: a meeting's facts checked together, and which meeting
/// a request is about.
@Suite struct MeetingTests {
    static func request(
        code: String = "7MSP", convention: String = "CCM", opens: String = "2017-09-04",
        closes: String = "2017-09-06", deadline: String = "2017-08-18",
        timeZone: String = "Europe/Zurich"
    ) -> MeetingRequest {
        MeetingRequest(
            code: code, title: "Seventh Meeting of States Parties", convention: convention, opens: opens,
            closes: closes, deadline: deadline, timeZone: timeZone, venue: " Palais des Nations ")
    }

    @Test func aRequestIsParsedWithADayDeadlineThatEndsAtMidnightAtTheVenue() throws {
        let desk = try Desk.empty()
        let meeting = try desk.addMeeting(Self.request(convention: " ccm "))
        #expect(meeting.code == "7MSP")
        #expect(meeting.convention == "CCM")
        #expect(meeting.venue == "Palais des Nations")
        #expect(meeting.timeZone.identifier == "Europe/Zurich")
        #expect(meeting.opens == .day(2017, 9, 4) && meeting.closes == .day(2017, 9, 6))
        // "No later than 18 August": until 19 August 00:00 in Geneva (CEST), 22:00 UTC on the 18th.
        #expect(meeting.deadline == .endOfDay(.day(2017, 8, 18), closesAt: Instant(secondsSinceEpoch: 1_503_093_600)))
        #expect(try desk.meetings().map(\.meeting) == [meeting])
    }

    @Test(arguments: ["2017-08-18T17:00", "2017-08-18T15:00:00Z", "2017-08-18T17:00:00+02:00"])
    func aDeadlineGivenAsAnInstantIsThatInstant(deadline: String) throws {
        let desk = try Desk.empty()
        let meeting = try desk.addMeeting(Self.request(deadline: deadline))
        // 17:00 in Geneva on 18 August 2017 is 15:00 UTC.
        #expect(meeting.deadline == .instant(Instant(secondsSinceEpoch: 1_503_068_400)))
        #expect(meeting.deadline.day == nil)
    }

    @Test func aMeetingThatClosesBeforeItOpensIsRefused() throws {
        let desk = try Desk.empty()
        let error = try expectRefusalWritingNothing(desk, field: .closes) {
            try desk.addMeeting(Self.request(opens: "2017-09-06", closes: "2017-09-04", deadline: "2017-08-18"))
        }
        #expect(error?.message.contains("before it opens") == true)
        #expect(try desk.meetings().isEmpty)
    }

    @Test(arguments: ["2017-09-07", "2017-09-07T00:00:00+02:00", "2017-09-07T09:00"])
    func aDeadlineAfterTheClosingDayIsRefused(deadline: String) throws {
        let desk = try Desk.empty()
        try expectRefusalWritingNothing(desk, field: .deadline) {
            try desk.addMeeting(Self.request(deadline: deadline))
        }
        #expect(try desk.meetings().isEmpty)
    }

    @Test func aDeadlineOnTheClosingDayIsAccepted() throws {
        let desk = try Desk.empty()
        let meeting = try desk.addMeeting(Self.request(deadline: "2017-09-06T23:59:59"))
        #expect(meeting.deadline.day == nil)
    }

    @Test(arguments: ["7 MSP", "", "7MSP/2017", "7MSPé"])
    func aCodePeopleCannotTypeIsRefused(code: String) throws {
        let desk = try Desk.empty()
        try expectRefusalWritingNothing(desk, field: .code) { try desk.addMeeting(Self.request(code: code)) }
    }

    @Test(arguments: ["Europe/Geneva", "CEST", "Mars/Olympus_Mons"])
    func anUnknownTimeZoneIsRefused(zone: String) throws {
        let desk = try Desk.empty()
        let error = try expectRefusalWritingNothing(desk, field: .timeZone) {
            try desk.addMeeting(Self.request(timeZone: zone))
        }
        #expect(error?.message.contains(zone) == true)
    }

    @Test func aDateThatDoesNotExistIsRefusedOnItsField() throws {
        let desk = try Desk.empty()
        try expectRefusalWritingNothing(desk, field: .opens) { try desk.addMeeting(Self.request(opens: "2017-09-31")) }
    }

    @Test(arguments: ["7MSP", "7msp"])
    func aCodeUsedAlreadyIsRefusedAndTheFirstMeetingKept(code: String) throws {
        let desk = try Desk.sevenMSP()
        let error = expectRefusalOfDuplicate(desk, code: code)
        #expect(error?.field == .code)
        #expect(error?.message.contains("exists already") == true)
        #expect(try desk.meetings().map(\.meeting.code) == ["7MSP"])
        #expect(try desk.meeting(code: "7MSP").meeting.title == Desk.sevenMSPRequest.title)
    }

    /// The reason a web server turns into 409 Conflict: `InputError.Reason.conflict` is documented as "a meeting
    /// code or a note's reference used already".
    @Test func aCodeUsedAlreadyIsAConflict() throws {
        let desk = try Desk.sevenMSP()
        let error = expectRefusalOfDuplicate(desk, code: "7MSP")
        #expect(error?.reason == .conflict)
    }

    func expectRefusalOfDuplicate(_ desk: RegistrationDesk, code: String) -> InputError? {
        var request = Desk.sevenMSPRequest
        request.code = code
        request.title = "Another"
        return #expect(throws: InputError.self) { try desk.addMeeting(request) }
    }

    @Test func aConventionWithoutMembershipRecordsIsRefused() throws {
        let desk = try Desk.empty()
        let error = try expectRefusalWritingNothing(desk, field: .convention, reason: .notFound) {
            try desk.addMeeting(Self.request(convention: "CCW"))
        }
        #expect(error?.message.contains("no membership records") == true)
        #expect(try desk.meetings().isEmpty)
    }

    /// The same fact (no membership records for the convention named) should be one kind of problem whichever
    /// operation meets it, so that a web server answers it with one status.
    @Test func aConventionWithoutRecordsIsTheSameKindOfProblemEverywhere() throws {
        let desk = try Desk.empty()
        let adding = #expect(throws: InputError.self) { try desk.addMeeting(Self.request(convention: "CCW")) }
        let status = #expect(throws: InputError.self) { try desk.treatyStatus(convention: "CCW", on: .day(2017, 9, 4)) }
        #expect(status?.reason == .notFound)
        #expect(adding?.reason == status?.reason)
    }

    @Test func withNoMeetingTheMeetingIsNotFound() throws {
        let desk = try Desk.empty()
        let error = expectRefusal(field: .meeting, reason: .notFound) { try desk.meeting(code: nil) }
        #expect(error?.message.contains("no meeting") == true)
        // Every operation that needs a meeting says so.
        expectRefusal(field: .meeting, reason: .notFound) {
            try desk.register(Desk.note("Norway", received: "2017-08-10"))
        }
        expectRefusal(field: .meeting, reason: .notFound) { try desk.statistics() }
    }

    @Test func withOneMeetingItIsTheMeeting() throws {
        let desk = try Desk.sevenMSP()
        #expect(try desk.meeting(code: nil).meeting.code == "7MSP")
        #expect(try desk.meeting(code: " 7MSP ").meeting.code == "7MSP")
    }

    @Test func withSeveralMeetingsOneMustBeChosen() throws {
        let desk = try Desk.sevenMSP()
        try desk.addMeeting(Desk.eightMSPRequest)
        let error = expectRefusal(field: .meeting, reason: .invalid) { try desk.meeting(code: nil) }
        #expect(error?.message.contains("several meetings (7MSP, 8MSP)") == true)
        #expect(try desk.meeting(code: "8MSP").meeting.opens == .day(2018, 9, 3))
        #expect(try desk.meetings().map(\.meeting.code) == ["7MSP", "8MSP"])
    }

    @Test func anUnknownCodeListsTheKnownOnes() throws {
        let desk = try Desk.sevenMSP()
        try desk.addMeeting(Desk.eightMSPRequest)
        let error = expectRefusal(field: .meeting, reason: .notFound) { try desk.meeting(code: "9MSP") }
        #expect(error?.message.contains("no meeting '9MSP'") == true)
        #expect(error?.message.contains("7MSP, 8MSP") == true)
    }

    /// Codes are unique without regard to case (a second "7msp" is refused), and the store's lookup found "7msp";
    /// the desk's lookup compares them exactly.
    @Test func aCodeIsFoundWhateverItsCase() throws {
        let desk = try Desk.sevenMSP()
        let found = try desk.meeting(code: "7msp")
        #expect(found.meeting.code == "7MSP")
    }

    @Test func theOverviewGivesTheMeetingAndItsFigures() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10",
            participants: [Desk.head("Ms. A"), Desk.member("adviser", "Mr. B")])
        try Desk.register(desk, "Uganda", "U1", received: "2017-08-21")
        try Desk.register(desk, "ICRC", "I1", received: "2017-08-11")
        let overview = try desk.overview(code: nil)
        #expect(overview.meeting.code == "7MSP")
        #expect(overview.statistics.delegations == 3)
        #expect(overview.statistics.participants == 4)
        #expect(overview.statistics.notes == 3)
        #expect(overview.statistics.lateNotes == 1)
        #expect(overview.statistics.statesPartiesDescription == "1 of 102")
    }
}
