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

/// A new organization that looks the same as a known organization or a State, written with other letters, is refused
/// even when confirmed new (UTS #39 skeletons, from ICU).
@Suite struct LookAlikeOrganizationTests {
    let resolver = try! Fixtures.resolver()

    func resolveNew(_ typed: String, resolver: DelegationResolver? = nil) throws -> Represented {
        try (resolver ?? self.resolver).resolve(
            typed, category: .civilSociety, stateCategory: { _ in .observerStates }, on: nil, confirmedNew: true
        ).represented
    }

    @Test func icuGivesUnicodesSkeletons() {
        // From confusables.txt: Cyrillic С (U+0421) is C, Greek Ο (U+039F) is O, the digit 1 and capital I are l.
        #expect(LookAlike.skeleton("\u{421}ross") == "Cross")
        #expect(LookAlike.skeleton("\u{39F}xfam") == LookAlike.skeleton("Oxfam"))
        #expect(LookAlike.skeleton("ICRC") == LookAlike.skeleton("1CRC"))
    }

    @Test(
        arguments: [
            (
                "International Committee of the Red \u{421}ross", "International Committee of the Red Cross",
                "U+0421 CYRILLIC CAPITAL LETTER ES"
            ),
            ("\u{421}luster Munition Coalition", "Cluster Munition Coalition", "U+0421"),
            ("Norwegian People\u{2019}s \u{410}id", "Norwegian People's Aid", "U+0410 CYRILLIC CAPITAL LETTER A"),
            ("lCRC", "International Committee of the Red Cross", ""),
            ("Ug\u{430}nda", "Uganda", "U+0430 CYRILLIC SMALL LETTER A"),
            ("K\u{435}nya Red Cross", nil, ""),
        ] as [(String, String?, String)])
    func aLookAlikeOfAKnownNameIsRefusedEvenWhenConfirmedNew(typed: String, known: String?, letters: String) throws {
        guard let known else {
            // Not a look-alike of a known name: a new organization like any other.
            #expect(try resolveNew(typed) == .newOrganization(Organization.fromTyped(typed, category: .civilSociety)))
            return
        }
        let error = #expect(throws: InputError.self) { try resolveNew(typed) }
        #expect(error?.reason == .conflict && error?.field == .delegation)
        #expect(error?.message.contains("looks the same as '\(known)'") == true, "\(error?.message ?? "")")
        #expect(letters.isEmpty || error?.message.contains(letters) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: ["جمعية الهلال الأحمر", "מגן דוד אדום", "Красный Крест", "Geneva Forum for Peace", "Forum 2023"])
    func namesInOtherScriptsOrSimplyDifferentAreNew(typed: String) throws {
        #expect(try resolveNew(typed) == .newOrganization(Organization.fromTyped(typed, category: .civilSociety)))
    }

    @Test func aNewOrganizationLearnedEarlierInAnImportIsComparedToo() throws {
        var resolver = self.resolver
        resolver.learn(Organization(name: "Geneva Forum for Peace", category: .civilSociety))
        let error = #expect(throws: InputError.self) {
            try resolveNew("Geneva F\u{43E}rum for Peace", resolver: resolver)
        }
        #expect(error?.message.contains("looks the same as 'Geneva Forum for Peace'") == true)
    }
}
