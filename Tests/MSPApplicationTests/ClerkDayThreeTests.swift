import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// Issue 20, "The clerk's day, round three": what a new registration officer tripped over, at the desk.
@Suite struct ClerkDayThreeTests {
    // MARK: A misspelt State is not a new organization

    @Test func aNewOrganizationNamedLikeAStateIsRefusedNamingTheState() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .newOrganization, reason: .conflict) {
            try Desk.register(desk, "Mozambqiue", "L1", received: "2017-08-10", category: "civil_society")
        }
        #expect(error?.message.contains("close to the State 'Mozambique'") == true)
        #expect(error?.message.contains("did you mean Mozambique?") == true)
        // Confirmed, it is a new organization.
        var note = Desk.note("Mozambqiue", "L1", received: "2017-08-10", category: "civil_society")
        note.newOrganization = true
        let recorded = try desk.register(note)
        #expect(recorded.delegation == "Mozambqiue" && recorded.category == .civilSociety)
        // An acronym is not compared with short State names ("NATO" is two edits from "Togo"); a name is.
        try Desk.register(desk, "NATO", "L2", received: "2017-08-10", category: "international_organization")
        let pery = try expectRefusalWritingNothing(desk, field: .newOrganization, reason: .conflict) {
            try Desk.register(desk, "Pery", "L4", received: "2017-08-10", category: "civil_society")
        }
        #expect(pery?.message.contains("did you mean Peru?") == true)
        try Desk.register(desk, "Geneva Call", "L3", received: "2017-08-10", category: "civil_society")
    }

    @Test func anImportRowNamingAMisspeltStateIsRefusedUnlessConfirmed() throws {
        let desk = try Desk.sevenMSP()
        let csv = """
            delegation,category,reference,received_at,role,name,new_organization
            Mozambqiue,civil_society,L1,2017-08-10,head,Ms. A,
            Ugnada,civil_society,L2,2017-08-10,head,Mr. B,yes

            """
        let report = try desk.importNotes(
            from: try CSVSubmissionSource(reader: CSVRecordReader(text: csv)), origin: "test")
        #expect(report.problems.map(\.line) == [2])
        #expect(report.problems.first?.message.contains("close to the State 'Mozambique'") == true)
        #expect(!report.committed)
    }

    // MARK: "Now" once the meeting has closed

    /// A desk whose clock is 10 December 2026, long after the 7MSP closed.
    static func afterTheMeeting() throws -> RegistrationDesk {
        let store = try Store.inMemory()
        let desk = RegistrationDesk(
            store: store, user: "clerk", clock: { Instant(secondsSinceEpoch: 1_796_860_800) }, passwordCost: 4)
        try desk.addMeeting(Desk.sevenMSPRequest)
        return desk
    }

    @Test func onceTheMeetingHasClosedTheReceiptTimeIsRequired() throws {
        let desk = try Self.afterTheMeeting()
        let error = try expectRefusalWritingNothing(desk, field: .receivedAt) {
            try Desk.register(desk, "Austria", "GV.OR.18/0412")
        }
        #expect(
            error?.message
                == "7MSP closed on 2017-09-06: give the receipt time of the note (left out, it would be now)")
        // Given, it is recorded.
        let recorded = try Desk.register(desk, "Austria", "GV.OR.18/0412", received: "2017-08-10")
        #expect(recorded.lateness == .onTime && recorded.warning == nil)
        // Withdrawals and credentials alike.
        let withdrawal = try expectRefusalWritingNothing(desk, field: .receivedAt) {
            try desk.withdraw(WithdrawalRequest(delegation: "Austria"))
        }
        #expect(withdrawal?.message.contains("receipt time of the withdrawal") == true)
        let credentials = try expectRefusalWritingNothing(desk, field: .receivedAt) {
            try desk.recordCredentials(CredentialsRequest(delegation: "Austria", kind: .original))
        }
        #expect(credentials?.message.contains("receipt time of the credentials") == true)
        let recordedCredentials = try desk.recordCredentials(
            CredentialsRequest(delegation: "Austria", kind: .original, receivedAt: "2017-09-04T09:30"))
        #expect(recordedCredentials.warning == nil)
        // An import's rows without received_at.
        let csv = "delegation,reference,received_at,role,name\nKenya,K1,,head,Ms. A\nPeru,P1,2017-08-10,head,Mr. B\n"
        let report = try desk.importNotes(
            from: try CSVSubmissionSource(reader: CSVRecordReader(text: csv)), origin: "test")
        #expect(report.problems.map(\.line) == [2] && report.problems.first?.column == "received_at")
    }

    @Test func whileTheMeetingIsPreparedNowIsTheReceipt() throws {
        // Desk.now is 1 September 2017, before the 7MSP opens.
        let desk = try Desk.sevenMSP()
        let recorded = try Desk.register(desk, "Austria", "N1")
        #expect(recorded.receipt.instant == Desk.now && recorded.warning == nil)
    }

    @Test func aReceiptLongAfterTheDeadlineIsRecordedWithAWarning() throws {
        let desk = try Self.afterTheMeeting()
        let thirty = try Desk.register(desk, "Austria", "N1", received: "2017-09-17")
        #expect(thirty.warning == nil)
        let later = try Desk.register(desk, "Kenya", "K1", received: "2017-09-20")
        #expect(later.lateness.isLate)
        #expect(
            later.warning
                == "the note is recorded as received 2017-09-20, 32 days after the deadline of 7MSP (more than 30): check the receipt time"
        )
        let credentials = try desk.recordCredentials(
            CredentialsRequest(delegation: "Kenya", kind: .copy, receivedAt: "2017-09-07T10:00"))
        #expect(credentials.warning?.contains("after 7MSP closed on 2017-09-06") == true)
    }

    // MARK: A reference typed otherwise

    @Test func aReferenceTypedOtherwiseWithTheSameReceiptAndPeopleIsADuplicate() throws {
        let desk = try Desk.sevenMSP()
        let people = [Desk.head("H.E. Mr. Hans Gruber"), Desk.member("adviser", "Ms. Eva Berg")]
        try Desk.register(desk, "Austria", "GV.OR.18/0412", received: "2017-08-10T10:00", participants: people)
        let number = try Desk.number(desk, "Austria", "GV.OR.18/0412")
        for typed in ["GV.OR.18/412", "gv or 18 / 412", "GV-OR-18-0412"] {
            let error = try expectRefusalWritingNothing(desk, field: .participants, reason: .conflict) {
                try Desk.register(desk, "Austria", typed, received: "2017-08-10T10:00", participants: people)
            }
            #expect(error?.message.contains("probably a duplicate: note \(number) of Austria, 'GV.OR.18/0412'") == true)
        }
        // Confirmed, it is another note.
        _ = try desk.register(
            Desk.note("Austria", "GV.OR.18/412", received: "2017-08-10T10:00", participants: people),
            confirmedNotDuplicate: true)
    }

    @Test func anotherReferenceReceiptOrPeopleIsAnAmendment() throws {
        let desk = try Desk.sevenMSP()
        let people = [Desk.head("H.E. Mr. Hans Gruber")]
        try Desk.register(desk, "Austria", "GV.OR.18/0412", received: "2017-08-10T10:00", participants: people)
        // Digits that split otherwise, another receipt time, other people.
        try Desk.register(desk, "Austria", "GV.OR.184/12", received: "2017-08-10T10:00", participants: people)
        try Desk.register(desk, "Austria", "GV.OR.18/412", received: "2017-08-11T10:00", participants: people)
        try Desk.register(
            desk, "Austria", "gv.or.18/0412 ", received: "2017-08-10T10:00", participants: [Desk.head("Ms. Other")])
        #expect(try desk.history(delegation: "Austria").entries.count == 4)
    }

    // MARK: Every problem of a row

    @Test func anImportReportsEveryFieldsProblemOfEveryRow() throws {
        let desk = try Desk.sevenMSP()
        let csv = """
            delegation,category,reference,received_at,channel,role,title,name,function,gender,email
            Peru,,P1,17/08/2018,email,head,Ms.,Ana Lopez,Director,fem,ana@x
            Peru,,P1,,,adviser,,Hector Guerra,,,hector@example.org
            Chile,,C1,2017-08-10,pigeon,head,Mr.,Hector Guerra,,female,
            Chile,,C1,2017-08-11,,chair,,,,,

            """
        let report = try desk.importNotes(
            from: try CSVSubmissionSource(reader: CSVRecordReader(text: csv)), origin: "test")
        #expect(!report.committed)
        let problems = report.problems.map { "\($0.line ?? 0) \($0.column ?? "")" }
        #expect(
            problems == [
                "2 received_at", "2 gender", "2 email", "4 channel", "4 gender", "5 received_at", "5 role", "5 name",
            ])
        #expect(report.problems[4].message.contains("'female' contradicts the honorific 'Mr.'"))
    }

    // MARK: Honorific and gender

    @Test func aGenderContradictingTheHonorificIsRefusedAtTheGender() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .participant(0).appending("gender")) {
            try Desk.register(
                desk, "Peru", "P1", received: "2017-08-10",
                participants: [.init(role: "head", name: "Ms. Hector Guerra", function: "Director", gender: "male")])
        }
        #expect(error?.message.contains("'male' contradicts the honorific 'Ms.'") == true)
        try Desk.register(
            desk, "Peru", "P1", received: "2017-08-10",
            participants: [.init(role: "head", name: "Mr. Hector Guerra", function: "Director", gender: "hombre")])
    }
}
