import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `register`: the delegation found and its category at the meeting, the composition, the deadline, amendments,
/// references, dry runs and the meeting a note is for.
@Suite struct RegistrationTests {
    // MARK: Categories

    @Test func aStatesCategoryIsTheConventionsFactOnTheOpeningDay() throws {
        let desk = try Desk.sevenMSP()
        // Benin ratified on 10 July 2017: a State Party when the 7MSP opens on 4 September 2017.
        let benin = try Desk.register(desk, "Benin", "B1", received: "2017-08-10")
        #expect(benin.delegation == "Benin" && benin.category == .statesParties)
        // Madagascar deposited on 20 May 2017: a Party from the deposit, though in force for it only from 1 November.
        #expect(try Desk.register(desk, "MDG", "M1", received: "2017-08-10").category == .statesParties)
        #expect(try Desk.register(desk, "Uganda", "U1", received: "2017-08-10").category == .signatoryStates)
        #expect(try Desk.register(desk, "United States", "US1", received: "2017-08-10").category == .observerStates)
        #expect(try Desk.register(desk, "ICRC", "I1", received: "2017-08-10").category == .internationalOrganizations)
        #expect(try Desk.register(desk, "CMC", "C1", received: "2017-08-10").category == .civilSociety)
    }

    @Test func beninWasASignatoryAtAMeetingBeforeItsRatification() throws {
        let desk = try Desk.empty()
        try desk.addMeeting(
            MeetingRequest(
                code: "2017-IM", title: "Intersessional meeting", convention: "CCM",
                opens: "2017-06-19", closes: "2017-06-20", deadline: "2017-06-05",
                timeZone: "Europe/Zurich"))
        #expect(try Desk.register(desk, "Benin", "B1", received: "2017-06-01").category == .signatoryStates)
    }

    @Test(arguments: ["observer_state", "signatory_state", "civil_society"])
    func aStatesCategoryCannotBeSet(category: String) throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Benin", "B1", received: "2017-08-10", category: category)
        }
        #expect(error?.message.contains("state_party") == true)
    }

    @Test func aStatesOwnCategoryMayBeRepeated() throws {
        let desk = try Desk.sevenMSP()
        #expect(
            try Desk.register(desk, "Benin", "B1", received: "2017-08-10", category: "state_party").category
                == .statesParties)
    }

    @Test func aCategoryThatDoesNotExistIsRefusedOnItsField() throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .category) {
            try Desk.register(desk, "Some NGO", "L1", received: "2017-08-10", category: "vip")
        }
    }

    @Test func anUnknownNameIsRefusedWithSuggestions() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Ugnada", "U1", received: "2017-08-10")
        }
        #expect(error?.message.contains("'Uganda'") == true)
        #expect(error?.message.contains("give its category") == true)
    }

    @Test func aNewNameGivenAStatesCategoryIsRefused() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Ugnada", "U1", received: "2017-08-10", category: "state_party")
        }
        #expect(error?.message.contains("not a State") == true)
    }

    @Test func aNewOrganizationNeedsItsCategoryTheFirstTimeOnly() throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Mine Action Friends (MAF)", "L1", received: "2017-08-10")
        }
        let first = try Desk.register(
            desk, "Mine Action Friends (MAF)", "L1", received: "2017-08-10", category: "civil_society")
        #expect(
            first.delegation == "Mine Action Friends" && first.category == .civilSociety && first.kind == .registration)
        // Afterwards it is known by its name or acronym, without a category.
        let second = try Desk.register(desk, "maf", "L2", received: "2017-08-11")
        #expect(
            second.delegation == "Mine Action Friends" && second.category == .civilSociety && second.kind == .amendment)
        // Its category is the one it was registered with.
        try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "MAF", "L3", received: "2017-08-12", category: "international_organization")
        }
        #expect(
            try desk.roster().roster.groups[Category.civilSociety.order].delegations.map(\.name) == [
                "Mine Action Friends"
            ])
    }

    // MARK: Composition

    @Test func noHeadIsRefusedOnTheParticipants() throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .participants) {
            try Desk.register(
                desk, "Norway", "N1", received: "2017-08-10",
                participants: [Desk.member("alternate", "Ms. A"), Desk.member("adviser", "Mr. B")])
        }
    }

    @Test func aNoteThatListsNobodyIsNotARegistration() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .participants) {
            try desk.register(Submission(delegation: "Norway", reference: "N1", receivedAt: "2017-08-10"))
        }
        #expect(error?.message.contains("sends a withdrawal") == true)
        // Nor is it an amendment of a registered delegation.
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try expectRefusalWritingNothing(desk, field: .participants) {
            try desk.register(Submission(delegation: "Norway", reference: "N2", receivedAt: "2017-08-11"))
        }
    }

    @Test func twoHeadsAreRefusedOnTheParticipants() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .participants) {
            try Desk.register(
                desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. A"), Desk.head("Mr. B")])
        }
        #expect(error?.message.contains("2 heads") == true)
    }

    @Test(arguments: [
        (Submission.ParticipantEntry(role: "adviser", name: "  "), FieldPath.participant(2, "name")),
        (Submission.ParticipantEntry(role: "adviser", name: "H.E. Mr."), FieldPath.participant(2, "name")),
        (Submission.ParticipantEntry(role: "chauffeur", name: "Mr. C"), FieldPath.participant(2, "role")),
        (Submission.ParticipantEntry(role: nil, name: "Mr. C"), FieldPath.participant(2, "role")),
        (Submission.ParticipantEntry(role: "adviser", name: "Mr. C", gender: "q"), FieldPath.participant(2, "gender")),
        (
            Submission.ParticipantEntry(role: "adviser", name: "Mr. C", email: "c.at.example.org"),
            FieldPath.participant(2, "email")
        ),
        (
            Submission.ParticipantEntry(role: "adviser", title: "Mr.\u{1B}", name: "C"),
            FieldPath.participant(2, "title")
        ),
    ])
    func aParticipantsFieldIsRefusedOnItsPath(third: Submission.ParticipantEntry, field: FieldPath) throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: field) {
            try Desk.register(
                desk, "Norway", "N1", received: "2017-08-10",
                participants: [Desk.head("Ms. A"), Desk.member("alternate", "Mr. B"), third])
        }
    }

    @Test func aParticipantsHonorificIsKeptApartFromTheName() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10",
            participants: [
                .init(
                    role: "Head of delegation", name: "H.E. Mr. Hans Brattskar", function: "Ambassador",
                    gender: "m", email: "hb@mfa.no")
            ])
        let head = try #require(desk.roster().roster.groups[0].delegations.first?.participants.first)
        #expect(
            head
                == Participant(
                    role: .head, title: "H.E. Mr.", name: "Hans Brattskar", function: "Ambassador",
                    gender: .male, email: "hb@mfa.no"))
    }

    // MARK: The deadline

    @Test func eighteenThirtyInNewYorkOnTheDeadlineIsLateByHalfAnHour() throws {
        let desk = try Desk.sevenMSP()
        let recorded = try Desk.register(desk, "Norway", "N1", received: "2017-08-18T18:30:00-04:00")
        #expect(recorded.lateness == .late(seconds: 1800))
        #expect(try desk.lateNotes().notes.map(\.lateness.seconds) == [1800])
    }

    @Test(arguments: ["2017-08-18T23:59:59", "2017-08-18T23:59:59+02:00", "2017-08-18T21:59:59Z", "2017-08-18"])
    func upToTheLastSecondOfTheDayInGenevaIsOnTime(received: String) throws {
        let desk = try Desk.sevenMSP()
        #expect(try Desk.register(desk, "Norway", "N1", received: received).lateness == .onTime)
        #expect(try desk.lateNotes().notes.isEmpty)
        #expect(try desk.statistics().statistics.lateNotes == 0)
    }

    @Test func aReceiptKnownOnlyByItsDayAfterTheDeadlineIsLate() throws {
        let desk = try Desk.sevenMSP()
        let recorded = try Desk.register(desk, "Norway", "N1", received: "2017-08-19")
        // The start of 19 August in Geneva: the first late second.
        #expect(recorded.receipt == Receipt(instant: Instant(secondsSinceEpoch: 1_503_093_600), precision: .date))
        #expect(recorded.lateness == .lateByDays(1))
        #expect(try desk.lateNotes().notes.map(\.delegation) == ["Norway"])
    }

    @Test func aNoteReceivedNowIsReceivedAtTheDesksClock() throws {
        let desk = try Desk.sevenMSP()
        let recorded = try Desk.register(desk, "Norway", "N1", received: nil)
        #expect(recorded.receipt == Receipt(instant: Instant(secondsSinceEpoch: 1_504_267_200), precision: .instant))
        // 1 September 12:00 UTC is 13 days 14 hours after 18 August 22:00 UTC.
        #expect(recorded.lateness == .late(seconds: 1_173_600))
    }

    @Test(arguments: ["", "18 August 2017", "2017-08-32", "2017-08-18T24:00"])
    func aReceiptThatDoesNotParseIsRefusedOnItsField(received: String) throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .receivedAt) {
            try Desk.register(desk, "Norway", "N1", received: received)
        }
    }

    // MARK: Amendments and references

    @Test func aSecondNoteIsAnAmendmentAndTheRosterShowsTheNewestComposition() throws {
        let desk = try Desk.sevenMSP()
        let first = try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10",
            participants: [Desk.head("Ms. A"), Desk.member("adviser", "Mr. B")])
        let second = try Desk.register(
            desk, "NOR", "N2", received: "2017-08-12",
            participants: [Desk.head("Mr. C"), Desk.member("alternate", "Ms. D")])
        #expect(first.kind == .registration && second.kind == .amendment)
        let roster = try desk.roster().roster
        #expect(roster.delegationCount == 1)
        #expect(roster.groups[0].delegations.first?.participants.map(\.name) == ["C", "D"])
        #expect(try desk.statistics().statistics.notes == 2)
    }

    @Test func theNewestCompositionIsTheNewestByReceiptNotByRecording() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N2", received: "2017-08-12", participants: [Desk.head("Mr. Newer")])
        let older = try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. Older")])
        #expect(older.kind == .registration)
        #expect(try desk.roster().roster.groups[0].delegations.first?.participants.map(\.name) == ["Newer"])
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName) == ["registration", "amendment"])
    }

    @Test func aReferenceRecordedAlreadyForTheDelegationIsAConflict() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "Note No. 45/2017", received: "2017-08-10")
        let error = try expectRefusalWritingNothing(desk, field: .reference, reason: .conflict) {
            try Desk.register(desk, "Norway", "Note No. 45/2017", received: "2017-08-12")
        }
        #expect(error?.message.contains("already recorded") == true)
        // Another delegation may use the same number.
        #expect(try Desk.register(desk, "Benin", "Note No. 45/2017", received: "2017-08-12").kind == .registration)
    }

    @Test func aReferenceTooLongIsRefusedOnItsField() throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .reference) {
            try Desk.register(desk, "Norway", String(repeating: "N", count: 201), received: "2017-08-10")
        }
    }

    // MARK: Dry runs and meetings

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let before = try Desk.snapshot(desk)
        let rehearsed = try desk.register(Desk.note("Norway", "N2", received: "2017-08-20"), dryRun: true)
        #expect(rehearsed.dryRun && rehearsed.kind == .amendment && rehearsed.lateness == .lateByDays(2))
        let newOrganization = try desk.register(
            Desk.note(
                "Mine Action Friends", "L1", received: "2017-08-10",
                category: "civil_society"), dryRun: true)
        #expect(newOrganization.dryRun && newOrganization.kind == .registration)
        #expect(try Desk.snapshot(desk) == before)
        // The organization was not learnt, and a reference recorded already is found by a dry run too.
        try expectRefusalWritingNothing(desk, field: .delegation) {
            try desk.register(Desk.note("Mine Action Friends", "L2", received: "2017-08-10"), dryRun: true)
        }
        try expectRefusalWritingNothing(desk, field: .reference, reason: .conflict) {
            try desk.register(Desk.note("Norway", "N1", received: "2017-08-10"), dryRun: true)
        }
    }

    @Test func aNoteNamingAnotherMeetingThanAskedIsRefused() throws {
        let desk = try Desk.sevenMSP()
        try desk.addMeeting(Desk.eightMSPRequest)
        let error = try expectRefusalWritingNothing(desk, field: .meeting) {
            try desk.register(Desk.note("Norway", "N1", received: "2017-08-10", meeting: "8MSP"), meeting: "7MSP")
        }
        #expect(error?.message.contains("8MSP") == true)
        // Naming the same meeting, in any case, is fine.
        #expect(
            try desk.register(Desk.note("Norway", "N1", received: "2017-08-10", meeting: "7msp"), meeting: "7MSP")
                .meeting.code == "7MSP")
    }

    @Test func aNoteNamingItsMeetingIsRecordedForIt() throws {
        let desk = try Desk.sevenMSP()
        try desk.addMeeting(Desk.eightMSPRequest)
        let recorded = try desk.register(Desk.note("Norway", "N1", received: "2018-08-10", meeting: "8MSP"))
        #expect(recorded.meeting.code == "8MSP" && recorded.lateness == .onTime)
        #expect(try desk.statistics(meeting: "8MSP").statistics.notes == 1)
        #expect(try desk.statistics(meeting: "7MSP").statistics.notes == 0)
    }
}
