import Foundation
import Testing

@testable import MSPDomain

/// The Convention on Cluster Munitions, from `ccm-membership.csv`, against the counts its newsletters give.
@Suite struct MembershipTests {
    let membership = try! Fixtures.ccmMembership()

    @Test func theFixtureHoldsEveryStateWithASignatureOrConsent() {
        #expect(membership.records.count == 125)
        #expect(membership.entryIntoForce == day("2010-08-01"))
    }

    @Test(arguments: [
        ("2017-02-22", 100, 19), ("2017-05-21", 101, 18), ("2017-09-04", 102, 17),
        ("2020-08-06", 109, 13), ("2025-12-31", 112, 12),
    ])
    func theCountsMatchTheNewsletters(on: String, parties: Int, signatories: Int) {
        #expect(membership.parties(on: day(on)).count == parties)
        #expect(membership.signatories(on: day(on)).count == signatories)
    }

    @Test func madagascarIsAPartyFromItsDeposit() {
        #expect(membership.standing(of: "MDG", on: day("2017-05-19")) == .signatory)
        #expect(membership.standing(of: "MDG", on: day("2017-05-20")) == .party)
        #expect(membership.parties(on: day("2017-05-20")).last?.iso3 == "MDG")
        #expect(membership.parties(on: day("2017-05-20")).count == 101)
    }

    @Test func theConventionEntersIntoForceForAStateOnTheFirstDayOfTheSixthMonthAfterItsDeposit() throws {
        func entry(_ iso3: String) throws -> LocalDate? {
            membership.entryIntoForce(for: try #require(membership.records[iso3]))
        }
        #expect(try entry("MDG") == day("2017-11-01"))
        #expect(try entry("BEN") == day("2018-01-01"))
        // Deposited before the Convention entered into force (1 August 2010): bound from that day.
        #expect(try entry("NOR") == day("2010-08-01"))
        #expect(try entry("DEU") == day("2010-08-01"))
        // Burkina Faso and Moldova deposited the thirtieth instruments on 16 February 2010.
        #expect(try entry("BFA") == day("2010-08-01"))
        // Deposited after the thirtieth instrument, before 1 August 2010: Article 17(2) still counts six months.
        #expect(try entry("WSM") == day("2010-10-01"))
        #expect(try entry("GBR") == day("2010-11-01"))
        #expect(try entry("UGA") == nil)
    }

    @Test func lithuaniaIsNoLongerAPartyOnceItsWithdrawalTakesEffect() {
        #expect(membership.standing(of: "LTU", on: day("2025-03-05")) == .party)
        #expect(membership.standing(of: "LTU", on: day("2025-03-06")) == .none)
        #expect(membership.category(of: "LTU", on: day("2025-03-06")) == .observerStates)
    }

    static let opening: [(String, MSPDomain.Category)] = [
        ("UGA", .signatoryStates), ("DEU", .statesParties), ("BEN", .statesParties),
        ("FIN", .observerStates), ("MDG", .statesParties), ("CHE", .statesParties), ("USA", .observerStates),
    ]

    @Test(arguments: opening)
    func categoriesOnTheOpeningDayOfThe7MSP(iso3: String, category: MSPDomain.Category) {
        #expect(membership.category(of: iso3, on: day("2017-09-04")) == category)
    }

    @Test func beninWasASignatoryBeforeItsRatification() {
        #expect(membership.category(of: "BEN", on: day("2017-07-09")) == .signatoryStates)
    }

    @Test func partiesAreInOrderOfDepositAndSignatoriesInOrderOfSignature() {
        let parties = membership.parties(on: day("2025-12-31"))
        #expect(parties.map { $0.consented! } == parties.map { $0.consented! }.sorted())
        let signatories = membership.signatories(on: day("2025-12-31"))
        #expect(signatories.map { $0.signed! } == signatories.map { $0.signed! }.sorted())
    }
}
