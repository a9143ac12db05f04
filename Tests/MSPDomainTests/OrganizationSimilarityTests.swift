import Testing

@testable import MSPDomain

/// A new organization close to a known one is refused with the known name unless confirmed new.
@Suite struct OrganizationSimilarityTests {
    let resolver = try! Fixtures.resolver()

    func resolveNew(_ typed: String, confirmed: Bool = false) throws -> Represented {
        try resolver.resolve(
            typed, category: .civilSociety, stateCategory: { _ in .observerStates }, on: nil, confirmedNew: confirmed
        ).represented
    }

    @Test(arguments: [
        "Clusterr Munition Coalition", "Cluster Munitions Coalition", "Norwegian Peoples Aide",
        "International Committee of the Red Crosss", "Geneva International Centre for Humanitarian Demning",
    ])
    func aNameCloseToAKnownOrganizationIsRefusedWithTheKnownName(typed: String) {
        let error = #expect(throws: InputError.self) { try resolveNew(typed) }
        #expect(error?.field == .newOrganization)
        #expect(error?.reason == .conflict)
        #expect(error?.message.contains("is close to '") == true, "\(error?.message ?? "")")
    }

    @Test func theSuggestionNamesTheKnownOrganizationAndItsAcronym() {
        let error = #expect(throws: InputError.self) { try resolveNew("Clusterr Munition Coalition") }
        #expect(error?.message.contains("'Cluster Munition Coalition' (CMC)") == true, "\(error?.message ?? "")")
    }

    @Test func aConfirmedNewOrganizationIsRegistered() throws {
        let represented = try resolveNew("Clusterr Munition Coalition", confirmed: true)
        #expect(
            represented == .newOrganization(Organization(name: "Clusterr Munition Coalition", category: .civilSociety)))
    }

    @Test(arguments: [
        "Geneva Forum for Peace", "Mines Action Canada", "Forum 2023", "Peace Boat Geneva", "Women's Peace Network",
    ])
    func aNameFarFromEveryKnownOneNeedsNoConfirmation(typed: String) throws {
        #expect(try resolveNew(typed) == .newOrganization(Organization.fromTyped(typed, category: .civilSociety)))
    }

    @Test func namesThatDifferOnlyInTheirDigitsAreTwoOrganizations() throws {
        var resolver = self.resolver
        resolver.learn(Organization(name: "Alliance Climate Justice 0001", category: .civilSociety))
        #expect(
            resolver.closeOrganizations(
                to: Organization(name: "Alliance Climate Justice 0002", category: .civilSociety)
            ).isEmpty)
        #expect(
            !resolver.closeOrganizations(
                to: Organization(name: "Aliance Climate Justice 0001", category: .civilSociety)
            ).isEmpty)
    }

    @Test func shortAcronymsAreNeverClose() {
        #expect(resolver.closeOrganizations(to: Organization(name: "CMA", category: .civilSociety)).isEmpty)
    }
}
