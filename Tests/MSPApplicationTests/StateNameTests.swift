import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// A State's name at a meeting is its UN short name on the opening day, in every result the desk gives; every
/// name it had, and names as documents write them, find it; an ambiguous name is refused as such.
@Suite struct StateNameAtAMeetingTests {
    /// The 7MSP (opening 4 September 2017) with the three States renamed since, Czechia (renamed in 2016) and Spain
    /// and Sweden to sort among them, each registered under today's name.
    static func sevenMSPWithRenamedStates() throws -> RegistrationDesk {
        let desk = try Desk.sevenMSP()
        for (name, reference) in [
            ("North Macedonia", "M1"), ("Eswatini", "E1"), ("Czechia", "C1"), ("Spain", "S1"), ("Sweden", "W1"),
        ] {
            try Desk.register(desk, name, reference, received: "2017-08-10")
        }
        // Türkiye, not party to the Convention, registers late.
        try Desk.register(desk, "Türkiye", "T1", received: "2017-08-21")
        return desk
    }

    /// A meeting opening on 2 September 2025.
    static let thirteenMSPRequest = MeetingRequest(
        code: "13MSP", title: "Thirteenth Meeting of States Parties to the Convention on Cluster Munitions",
        convention: "CCM", opens: "2025-09-02", closes: "2025-09-05", deadline: "2025-08-15",
        timeZone: "Europe/Zurich")

    @Test func registrationSaysTheNameOnTheOpeningDay() throws {
        let desk = try Desk.sevenMSP()
        #expect(
            try Desk.register(desk, "North Macedonia", "M1", received: "2017-08-10").delegation
                == "The former Yugoslav Republic of Macedonia")
        #expect(try Desk.register(desk, "Eswatini", "E1", received: "2017-08-10").delegation == "Swaziland")
        #expect(try Desk.register(desk, "Türkiye", "T1", received: "2017-08-10").delegation == "Turkey")
        // Renamed "Czechia" on 17 May 2016, before the 7MSP: the new name.
        #expect(try Desk.register(desk, "Czech Republic", "C1", received: "2017-08-10").delegation == "Czechia")
        // An amendment under the other name is the same delegation.
        let amendment = try Desk.register(desk, "the FYR of Macedonia", "M2", received: "2017-08-11")
        #expect(amendment.kind == .amendment && amendment.delegation == "The former Yugoslav Republic of Macedonia")
    }

    @Test func everyFormerNameFindsTheStateAndALaterMeetingPrintsTodaysName() throws {
        let desk = try Desk.empty()
        try desk.addMeeting(Self.thirteenMSPRequest)
        #expect(try Desk.register(desk, "Swaziland", "E1", received: "2025-08-01").delegation == "Eswatini")
        #expect(try Desk.register(desk, "Turkey", "T1", received: "2025-08-01").delegation == "Türkiye")
        #expect(
            try Desk.register(desk, "The former Yugoslav Republic of Macedonia", "M1", received: "2025-08-01")
                .delegation == "North Macedonia")
        let names = try desk.roster(meeting: "13MSP").roster.groups.flatMap(\.delegations).map(\.name)
        #expect(Set(names) == ["Eswatini", "Türkiye", "North Macedonia"])
    }

    @Test func theListOfParticipantsPrintsAndSortsTheNamesOnTheOpeningDay() throws {
        let desk = try Self.sevenMSPWithRenamedStates()
        let roster = try desk.roster().roster
        let parties = roster.groups.first { $0.category == .statesParties }!.delegations.map(\.name)
        // Swaziland sorts among the S's, not the E's; the former Yugoslav Republic under T.
        #expect(parties == ["Czechia", "Spain", "Swaziland", "Sweden", "The former Yugoslav Republic of Macedonia"])
        let observers = roster.groups.first { $0.category == .observerStates }!.delegations.map(\.name)
        #expect(observers == ["Turkey"])
        // The figures come from the same list.
        #expect(try desk.statistics().statistics.statesPartiesRegistered == 5)
    }

    @Test func lateNotesHistoryAndWithdrawalSayTheNameOnTheOpeningDay() throws {
        let desk = try Self.sevenMSPWithRenamedStates()
        #expect(try desk.lateNotes().notes.map(\.delegation) == ["Turkey"])
        let history = try desk.history(delegation: "Türkiye")
        #expect(history.delegation == "Turkey" && history.entries.count == 1)
        #expect(
            try desk.withdraw(WithdrawalRequest(delegation: "TUR", receivedAt: "2017-08-30")).delegation == "Turkey")
        let again = expectRefusal(field: .delegation, reason: .conflict) {
            try desk.withdraw(WithdrawalRequest(delegation: "Türkiye", receivedAt: "2017-08-31"))
        }
        #expect(again?.message == "Turkey is already withdrawn from 7MSP")
    }

    @Test func credentialsAreRecordedAndReportedUnderTheNameOnTheOpeningDay() throws {
        let desk = try Self.sevenMSPWithRenamedStates()
        let recorded = try desk.recordCredentials(
            CredentialsRequest(delegation: "Eswatini", kind: .original, receivedAt: "2017-09-04"))
        #expect(recorded.delegation == "Swaziland")
        _ = try desk.recordCredentials(
            CredentialsRequest(delegation: "North Macedonia", kind: .copy, receivedAt: "2017-09-04"))
        let report = try desk.credentialsReport().report
        #expect(report.original == ["Swaziland"])
        #expect(report.copy == ["The former Yugoslav Republic of Macedonia"])
        #expect(report.missing == ["Czechia", "Spain", "Sweden"])
        let unregistered = try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            try desk.recordCredentials(CredentialsRequest(delegation: "Serbia", kind: .original))
        }
        #expect(unregistered?.message.hasPrefix("Serbia has not registered") == true)
    }

    @Test func aStatesCategoryRefusalNamesItAsOnTheOpeningDay() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Eswatini", "E1", received: "2017-08-10", category: "observer_state")
        }
        #expect(error?.message.hasPrefix("Swaziland is a State: its category at this meeting is state_party") == true)
    }

    @Test func aDelegationNotRegisteredIsNamedAsOnTheOpeningDay() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            try desk.history(delegation: "Eswatini")
        }
        #expect(error?.message == "Swaziland is not registered for 7MSP: it sent no note")
    }

    @Test func treatyStatusNamesStatesOnTheDayAsked() throws {
        let desk = try Desk.empty()
        let in2017 = try desk.treatyStatus(convention: "CCM", on: .day(2017, 9, 4))
        let names2017 = Set(in2017.parties.map(in2017.name(of:)))
        #expect(names2017.isSuperset(of: ["The former Yugoslav Republic of Macedonia", "Swaziland", "Czechia"]))
        #expect(names2017.isDisjoint(with: ["North Macedonia", "Eswatini"]))
        let in2016 = try desk.treatyStatus(convention: "CCM", on: .day(2016, 5, 16))
        #expect(in2016.parties.map(in2016.name(of:)).contains("Czech Republic"))
        let in2025 = try desk.treatyStatus(convention: "CCM", on: .day(2025, 9, 2))
        #expect(Set(in2025.parties.map(in2025.name(of:))).isSuperset(of: ["North Macedonia", "Eswatini"]))
    }

    @Test(arguments: [
        ("the Holy See", "Holy See"),
        (
            "the United Kingdom of Great Britain and Northern Ireland",
            "United Kingdom of Great Britain and Northern Ireland"
        ),
        ("the Democratic Republic of Congo", "Democratic Republic of the Congo"),
        ("the FYR of Macedonia", "The former Yugoslav Republic of Macedonia"),
        ("cote divoire", "Côte d'Ivoire"),
        ("Cote d Ivoire", "Côte d'Ivoire"),
    ])
    func namesAsOfficialDocumentsWriteThemRegisterTheirState(typed: String, name: String) throws {
        let desk = try Desk.sevenMSP()
        #expect(try Desk.register(desk, typed, "N1", received: "2017-08-10").delegation == name)
    }
}

@Suite struct AmbiguousStateNameDeskTests {
    static let message =
        "'Korea' is ambiguous: it could be Democratic People's Republic of Korea or Republic of Korea; give the State's name"

    @Test(arguments: [nil, "state_party", "observer_state"])
    func registeringKoreaIsRefusedAsAmbiguous(category: String?) throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Korea", "K1", received: "2017-08-10", category: category)
        }
        #expect(error?.message == Self.message)
    }

    @Test func withdrawalHistoryCredentialsAndTreatyRecordsRefuseKoreaAsAmbiguous() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Republic of Korea", "K1", received: "2017-08-10")
        let refusals = [
            try expectRefusalWritingNothing(desk, field: .delegation) {
                try desk.withdraw(WithdrawalRequest(delegation: "Korea"))
            },
            try expectRefusalWritingNothing(desk, field: .delegation) { try desk.history(delegation: "Korea") },
            try expectRefusalWritingNothing(desk, field: .delegation) {
                try desk.recordCredentials(CredentialsRequest(delegation: "Korea", kind: .original))
            },
            try expectRefusalWritingNothing(desk, field: .state) {
                try desk.recordMembership(
                    MembershipRequest(convention: "CCM", state: "Korea", fact: .signed("2017-01-01")))
            },
        ]
        #expect(refusals.map { $0?.message } == Array(repeating: Self.message, count: 4))
    }

    @Test func anUnknownNameIsStillNeitherAStateNorAKnownOrganization() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try Desk.register(desk, "Atlantis", "A1", received: "2017-08-10")
        }
        #expect(error?.message.hasPrefix("'Atlantis' is neither a State nor a known organization") == true)
    }
}
