import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// What the clerk types and what the clerk asks (issue 9, item 5): participants typed on one line, honorifics,
/// new organizations close to known ones, the delegations, the absent States, a person found by name.
@Suite struct ClerkTests {
    @Test func aTypedParticipantKeepsFunctionGenderAndEmailAndTheHonorificAsUNListsWriteIt() throws {
        let desk = try Desk.sevenMSP()
        let head = try Submission.ParticipantEntry.typed(
            "h.e. ms kim; Ambassador, Permanent Representative; female; kim@mission.example", role: "head",
            field: .participant(0))
        try Desk.register(desk, "Germany", "Note 1", received: "2017-08-10", participants: [head])
        let delegation = try #require(try desk.roster().roster.groups[0].delegations.first)
        #expect(
            delegation.participants == [
                Participant(
                    role: .head, title: "H.E. Ms.", name: "Kim", function: "Ambassador, Permanent Representative",
                    gender: .female, email: "kim@mission.example")
            ])
        #expect(try desk.statistics().statistics.participantsByGender[.female] == 1)
    }

    @Test func aWrongTypedGenderIsRefusedNamingTheParticipantsField() throws {
        let desk = try Desk.sevenMSP()
        let head = try Submission.ParticipantEntry.typed("Ms. Kim; ; femal", role: "head", field: .participant(0))
        try expectRefusalWritingNothing(desk, field: .participant(0, "gender")) {
            try Desk.register(desk, "Germany", participants: [head])
        }
    }

    @Test func aNewOrganizationCloseToAKnownOneIsRefusedUntilConfirmed() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .newOrganization, reason: .conflict) {
            try Desk.register(desk, "Clusterr Munition Coalition", category: "civil_society")
        }
        #expect(error?.message.contains("'Cluster Munition Coalition' (CMC)") == true)
        var confirmed = Desk.note("Clusterr Munition Coalition", category: "civil_society")
        confirmed.newOrganization = true
        let recording = try desk.register(confirmed)
        #expect(recording.delegation == "Clusterr Munition Coalition")
        // Known now: it needs no confirmation again.
        try Desk.register(desk, "Clusterr Munition Coalition", "second")
    }

    @Test func anImportRefusesACloseOrganizationUnlessTheNoteConfirmsIt() throws {
        let desk = try Desk.sevenMSP()
        func source(confirmed: Bool) -> ImportTests.ListSource {
            var submission = Desk.note("Clusterr Munition Coalition", "L1", category: "civil_society")
            submission.newOrganization = confirmed
            return ImportTests.ListSource(items: [
                .submission(SourcedSubmission(submission: submission, line: 2, participantLines: [2], isCSV: true))
            ])
        }
        let refused = try desk.importNotes(from: source(confirmed: false), origin: "test")
        #expect(!refused.committed)
        #expect(refused.problems.first?.column == "new_organization")
        let accepted = try desk.importNotes(from: source(confirmed: true), origin: "test")
        #expect(accepted.committed && accepted.newOrganizations == 1)
    }

    @Test func theDelegationsAreListedWithTheirNotesLatenessWithdrawalAndCredentials() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Germany", "G1", received: "2017-08-01T10:00")
        try Desk.register(
            desk, "Germany", "G2", received: "2017-08-20T09:00",
            participants: [Desk.head("A"), Desk.member("adviser", "B")])
        try Desk.register(desk, "Uganda", "U1", received: "2017-08-02")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Uganda", receivedAt: "2017-08-03"))
        try Desk.register(desk, "ICRC", "I1", received: "2017-08-05")
        _ = try desk.recordCredentials(CredentialsRequest(delegation: "Germany", kind: .copy, receivedAt: "2017-09-01"))
        _ = try desk.recordCredentials(
            CredentialsRequest(delegation: "Germany", kind: .original, receivedAt: "2017-09-04T09:00"))

        let (_, delegations) = try desk.delegations()
        #expect(delegations.map(\.name) == ["Germany", "Uganda", "International Committee of the Red Cross"])
        let germany = delegations[0]
        #expect(germany.category == .statesParties && germany.participants == 2)
        #expect(germany.firstNote.kind == .registration && germany.latestNote.kind == .amendment)
        #expect(germany.lateNotes == 1 && germany.isLate && !germany.withdrawn)
        #expect(germany.credentials == .original)
        let uganda = delegations[1]
        #expect(uganda.withdrawn && uganda.participants == 0 && !uganda.isLate && uganda.credentials == nil)
        #expect(uganda.latestNote.kind == .withdrawal && uganda.latestNote.precision == .date)
        #expect(delegations[2].category == .internationalOrganizations && delegations[2].participants == 1)
    }

    @Test func theAbsentStatesAreThePartiesAndSignatoriesOnTheOpeningDayWithoutADelegation() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Germany", "G1", received: "2017-08-01")
        try Desk.register(desk, "Uganda", "U1", received: "2017-08-02")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Uganda", receivedAt: "2017-08-03"))
        try Desk.register(desk, "Finland", "F1", received: "2017-08-02")
        let (_, absent) = try desk.absentStates()
        let parties = absent.filter { $0.category == .statesParties }
        let signatories = absent.filter { $0.category == .signatoryStates }
        // 102 States Parties and 17 signatories at the opening of the 7MSP; Germany registered.
        #expect(parties.count == 101 && signatories.count == 17)
        #expect(!parties.contains { $0.iso3 == "DEU" })
        #expect(signatories.first { $0.iso3 == "UGA" }?.reason == .withdrawn)
        #expect(parties.first { $0.iso3 == "BEN" }?.reason == .notRegistered)
        // An observer State is neither.
        #expect(!absent.contains { $0.iso3 == "FIN" || $0.iso3 == "USA" })
        #expect(parties.map(\.name) == parties.map(\.name).sorted { NameKey.sortKey($0) < NameKey.sortKey($1) })
    }

    @Test func aPersonIsFoundByNameWhateverTheCaseAndDiacriticsInCurrentCompositionsOnly() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(
            desk, "Holy See", "H1", received: "2017-08-01",
            participants: [Desk.head("Archbishop Ivan Jurkovič"), Desk.member("adviser", "Msgr. Richard Gyhra")])
        try Desk.register(desk, "Germany", "G1", received: "2017-08-01", participants: [Desk.head("Mr. Hans Alt")])
        try Desk.register(desk, "Germany", "G2", received: "2017-08-02", participants: [Desk.head("Ms. Eva Neu")])
        let found = try desk.findPerson("JURKOVIC").found
        #expect(found.count == 1)
        #expect(found.first?.delegation == "Holy See" && found.first?.participant.title == "Archbishop")
        #expect(try desk.findPerson("h.e. ivan jurk").found.count == 1)
        // The amendment superseded Mr. Alt.
        #expect(try desk.findPerson("Alt").found.isEmpty)
        #expect(try desk.findPerson("neu").found.map(\.participant.role) == [.head])
        // Each with its note's number and place in it, as `correct NOTE --participant N` takes them.
        let gyhra = try #require(try desk.findPerson("gyhra").found.first)
        #expect(gyhra.note == (try Desk.number(desk, "Holy See", "H1")) && gyhra.position == 2)
        let neu = try #require(try desk.findPerson("neu").found.first)
        #expect(neu.note == (try Desk.number(desk, "Germany", "G2")) && neu.position == 1)
        expectRefusal(field: .key("name")) { try desk.findPerson("  ") }
    }
}
