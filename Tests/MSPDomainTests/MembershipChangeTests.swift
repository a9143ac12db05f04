import Testing

@testable import MSPDomain

@Suite struct MembershipChangeTests {
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func recordingBeninsRatificationMakesItAPartyFromTheDeposit() throws {
        var membership = TreatyMembership(
            convention: "CCM", records: [MembershipRecord(iso3: "BEN", signed: day("2008-12-03"))])
        #expect(membership.category(of: "BEN", on: day("2017-09-04")) == .signatoryStates)
        let record = try membership.records["BEN"]!.applying(.consent(day("2017-07-10"), .ratification))
        membership.record(record)
        #expect(membership.category(of: "BEN", on: day("2017-07-09")) == .signatoryStates)
        #expect(membership.category(of: "BEN", on: day("2017-07-10")) == .statesParties)
        #expect(record.signed == day("2008-12-03"))
        #expect(record.consentKind == .ratification)
    }

    @Test func aWithdrawalEndsPartyStatusOnTheDayItTakesEffect() throws {
        let party = MembershipRecord(iso3: "XXX", consented: day("2011-01-01"), consentKind: .accession)
        let withdrawn = try party.applying(.withdrawal(day("2020-06-01")))
        let membership = TreatyMembership(convention: "CCM", records: [withdrawn])
        #expect(membership.category(of: "XXX", on: day("2020-05-31")) == .statesParties)
        #expect(membership.category(of: "XXX", on: day("2020-06-01")) == .observerStates)
    }

    @Test func impossibleRecordsAreRefused() {
        let signatory = MembershipRecord(iso3: "UGA", signed: day("2008-12-03"))
        let party = MembershipRecord(
            iso3: "BEN", signed: day("2008-12-03"), consented: day("2017-07-10"), consentKind: .ratification)
        // A signature after the deposit, a withdrawal of a State that is not a Party, or before its consent.
        #expect(throws: InputError.self) { try party.applying(.signed(day("2018-01-01")), field: .signed) }
        #expect(throws: InputError.self) { try signatory.applying(.withdrawal(day("2020-01-01"))) }
        #expect(throws: InputError.self) { try party.applying(.withdrawal(day("2017-07-10"))) }
        #expect(throws: InputError.self) { try MembershipRecord(iso3: "KEN", consented: day("2019-01-01")).check() }
        #expect(throws: InputError.self) { try MembershipRecord(iso3: "KEN", consentKind: .accession).check() }
        do {
            _ = try party.applying(.signed(day("2018-01-01")), field: .signed)
        } catch let error as InputError {
            #expect(error.field == .signed)
            #expect(error.message.contains("2018-01-01") && error.message.contains("2017-07-10"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func aCorrectionReplacesTheEarlierDate() throws {
        let record = MembershipRecord(
            iso3: "MDG", signed: day("2008-12-03"), consented: day("2017-05-02"), consentKind: .ratification)
        let corrected = try record.applying(.consent(day("2017-05-20"), .ratification))
        #expect(corrected.consented == day("2017-05-20"))
        #expect(corrected.signed == day("2008-12-03"))
    }
}
