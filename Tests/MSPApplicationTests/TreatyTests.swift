import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `treatyStatus`, `recordMembership` and `importMembership`: the convention's records, and States' categories at
/// meetings following them at once.
@Suite struct TreatyTests {
    @Test func atTheOpeningOfThe7MSPThereAre102StatesPartiesAnd17Signatories() throws {
        let desk = try Desk.empty()
        let status = try desk.treatyStatus(convention: "ccm", on: .day(2017, 9, 4))
        #expect(status.convention == "CCM")
        #expect(status.parties.count == 102 && status.signatories.count == 17)
        // Parties in order of deposit: Benin (10 July 2017) is the last.
        #expect(status.parties.last?.iso3 == "BEN")
        #expect(status.signatories.contains { $0.iso3 == "UGA" })
    }

    @Test func on22February2017ThereWere100StatesPartiesAnd19Signatories() throws {
        let desk = try Desk.empty()
        let status = try desk.treatyStatus(convention: "CCM", on: .day(2017, 2, 22))
        #expect(status.parties.count == 100 && status.signatories.count == 19)
        // Madagascar's deposit on 20 May 2017 made it the 101st.
        let may = try desk.treatyStatus(convention: "CCM", on: .day(2017, 5, 20))
        #expect(may.parties.count == 101 && may.signatories.count == 18 && may.parties.last?.iso3 == "MDG")
    }

    @Test func aConventionWithoutRecordsHasNoStatus() throws {
        let desk = try Desk.empty()
        expectRefusal(field: .convention, reason: .notFound) {
            try desk.treatyStatus(convention: "CCW", on: .day(2017, 9, 4))
        }
        expectRefusal(field: .convention) { try desk.treatyStatus(convention: "  ", on: .day(2017, 9, 4)) }
    }

    @Test func aRecordedRatificationMakesASignatoryAStatePartyAtTheMeetingAtOnce() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Uganda", "U1", received: "2017-08-10")
        #expect(try desk.roster().roster.groups[Category.signatoryStates.order].delegations.map(\.name) == ["Uganda"])
        let recording = try desk.recordMembership(
            MembershipRequest(
                convention: "CCM", state: "UG",
                fact: .consent("2017-08-01", .ratification)))
        #expect(recording.changed && recording.state.name == "Uganda")
        #expect(recording.before == MembershipRecord(iso3: "UGA", signed: .day(2008, 12, 3)))
        #expect(
            recording.after
                == MembershipRecord(
                    iso3: "UGA", signed: .day(2008, 12, 3), consented: .day(2017, 8, 1),
                    consentKind: .ratification))
        let roster = try desk.roster().roster
        #expect(roster.groups[Category.statesParties.order].delegations.map(\.name) == ["Uganda"])
        #expect(roster.groups[Category.signatoryStates.order].delegations.isEmpty)
        #expect(try desk.statistics().statistics.statesPartiesDescription == "1 of 103")
        #expect(try desk.credentialsReport().report.missing == ["Uganda"])
        #expect(try desk.treatyStatus(convention: "CCM", on: .day(2017, 9, 4)).signatories.count == 16)
    }

    @Test func aRatificationAfterTheOpeningDayLeavesTheCategoryAtTheMeeting() throws {
        let desk = try Desk.sevenMSP()
        _ = try desk.recordMembership(
            MembershipRequest(convention: "CCM", state: "Uganda", fact: .consent("2017-09-05", .ratification)))
        #expect(try Desk.register(desk, "Uganda", "U1", received: "2017-08-10").category == .signatoryStates)
    }

    @Test func recordingTheSameFactAgainChangesNothing() throws {
        let desk = try Desk.empty()
        let request = MembershipRequest(convention: "CCM", state: "Benin", fact: .consent("2017-07-10", .ratification))
        let recording = try desk.recordMembership(request)
        #expect(!recording.changed && recording.before == recording.after)
        #expect(try desk.store.membership(convention: "CCM").records["BEN"]?.consented == .day(2017, 7, 10))
    }

    @Test func aDateRecordedAgainReplacesTheEarlierOne() throws {
        let desk = try Desk.empty()
        let recording = try desk.recordMembership(
            MembershipRequest(
                convention: "CCM", state: "Benin",
                fact: .consent("2017-07-11", .ratification)))
        #expect(
            recording.changed && recording.before?.consented == .day(2017, 7, 10)
                && recording.after.consented == .day(2017, 7, 11))
    }

    @Test func anUnknownStateIsRefusedWithSuggestions() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .state) {
            _ = try desk.recordMembership(
                MembershipRequest(convention: "CCM", state: "Ugnada", fact: .signed("2017-08-01")))
        }
        #expect(error?.message.contains("'Uganda'") == true)
    }

    @Test(arguments: [
        (MembershipRequest.Fact.signed("2017-02-30"), FieldPath.signed),
        (.signed("2018-01-01"), .signed),  // after Benin's ratification
        (.consent("1 July 2017", .ratification), .consent),
        (.withdrawal("2017-07-10"), .withdrawal),  // not after the ratification
    ])
    func anImpossibleFactIsRefusedOnItsField(fact: MembershipRequest.Fact, field: FieldPath) throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: field) {
            _ = try desk.recordMembership(MembershipRequest(convention: "CCM", state: "Benin", fact: fact))
        }
    }

    @Test func aWithdrawalOfAStateThatNeverConsentedIsRefused() throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .withdrawal) {
            _ = try desk.recordMembership(
                MembershipRequest(convention: "CCM", state: "Uganda", fact: .withdrawal("2018-01-01")))
        }
    }

    @Test func aConventionWithoutRecordsCannotBeRecordedInto() throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .convention, reason: .notFound) {
            _ = try desk.recordMembership(
                MembershipRequest(convention: "CCW", state: "Benin", fact: .signed("2017-01-01")))
        }
    }

    @Test func anImportAddsChangesAndKeepsRecordsAndCategoriesFollow() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "United States", "US1", received: "2017-08-10")
        let records = [
            MembershipRecord(iso3: "USA", signed: .day(2017, 6, 1)),  // added
            MembershipRecord(
                iso3: "UGA", signed: .day(2008, 12, 3), consented: .day(2017, 8, 1),
                consentKind: .ratification),  // changed
            MembershipRecord(
                iso3: "NOR", signed: .day(2008, 12, 3), consented: .day(2008, 12, 3),
                consentKind: .ratification),  // as it was
        ]
        let (convention, result) = try desk.importMembership(convention: " ccm", records: records, origin: "test")
        #expect(convention == "CCM")
        #expect(result.added == 1 && result.changed == 1 && result.unchanged == 1)
        #expect(
            try desk.roster().roster.groups[Category.signatoryStates.order].delegations.map(\.name) == [
                "United States of America"
            ])
        let status = try desk.treatyStatus(convention: "CCM", on: .day(2017, 9, 4))
        #expect(status.parties.count == 103 && status.signatories.count == 17)
        // States not in the import keep their records.
        #expect(try desk.store.membership(convention: "CCM").records["BEN"]?.consented == .day(2017, 7, 10))
    }
}
