import Foundation
import Testing

@testable import MSPDomain

@Suite struct StateNameTests {
    let states = try! Fixtures.states()

    @Test(arguments: [
        ("DRC", "Democratic Republic of the Congo"),
        ("Tanzania", "United Republic of Tanzania"),
        ("The Gambia", "Gambia"),
        ("São Tomé and Príncipe", "Sao Tome and Principe"),
        ("Lao PDR", "Lao People's Democratic Republic"),
        ("UG", "Uganda"),
        ("MDG", "Madagascar"),
        ("Côte d\u{2019}Ivoire", "Côte d'Ivoire"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("UGANDA", "Uganda"),
        ("uganda", "Uganda"),
        ("  Sao   Tome  and Principe ", "Sao Tome and Principe"),
        ("LAO PEOPLE\u{2019}S DEMOCRATIC REPUBLIC", "Lao People's Democratic Republic"),
        ("D.R. Congo", "Democratic Republic of the Congo"),
        ("mdg", "Madagascar"),
    ])
    func everyFormPeopleTypeFindsItsOneState(typed: String, name: String) throws {
        let state = try #require(states.find(typed))
        #expect(state.name == name)
    }

    @Test func everyNameAndCodeInTheTableFindsItsOwnState() {
        #expect(states.states.count == 197)
        for state in states.states {
            for name in [state.name, state.iso2, state.iso3] + state.aliases {
                #expect(states.find(name)?.iso3 == state.iso3, "\(name)")
                #expect(states.find(name.uppercased())?.iso3 == state.iso3, "\(name)")
            }
            #expect(states.state(iso3: state.iso3) == state)
        }
    }

    @Test func noKeyNamesTwoStates() {
        var owners: [String: Set<String>] = [:]
        for state in states.states {
            for name in [state.name, state.iso2, state.iso3] + state.aliases {
                owners[NameKey.of(name), default: []].insert(state.iso3)
            }
        }
        let shared = owners.filter { $0.value.count > 1 }
        #expect(shared.isEmpty, "\(shared)")
    }

    @Test func aDirectoryWhereOneNameMeansTwoStatesIsRefused() {
        let a = State(name: "Congo", iso2: "CG", iso3: "COG", m49: "178", unMember: "yes", aliases: ["Congo Republic"])
        let b = State(
            name: "Democratic Republic of the Congo", iso2: "CD", iso3: "COD", m49: "180", unMember: "yes",
            aliases: ["CONGO  republic"])
        #expect(throws: InputError.self) { try StateDirectory(states: [a, b]) }
    }

    @Test(arguments: ["Korea", "Timor", "America", "Atlantis", ""])
    func ambiguousOrUnknownNamesFindNothing(typed: String) {
        #expect(states.find(typed) == nil)
    }

    @Test(arguments: [
        ("Tanznia", "United Republic of Tanzania"),
        ("Madagscar", "Madagascar"),
        ("Ugnda", "Uganda"),
        ("Switzerlnd", "Switzerland"),
    ])
    func anUnknownNameSuggestsTheNearest(typed: String, nearest: String) {
        #expect(states.find(typed) == nil)
        #expect(states.suggestions(for: typed).first == nearest)
    }

    @Test func nameKeysIgnoreCaseDiacriticsApostrophesDotsAndSpaces() {
        #expect(NameKey.of("São Tomé and Príncipe") == NameKey.of("SAO TOME  AND PRINCIPE"))
        #expect(NameKey.of("Côte d\u{2019}Ivoire") == NameKey.of("cote d'ivoire"))
        #expect(NameKey.of("D.R. Congo") == NameKey.of("DR Congo"))
        #expect(NameKey.of("  Uganda ") == "uganda")
        #expect(NameKey.of("Guinea-Bissau") != NameKey.of("Guinea Bissau"))
    }
}

@Suite struct OrganizationTests {
    let organizations = try! Fixtures.organizations()
    let resolver = try! Fixtures.resolver()

    @Test func theFixtureNamesTheNewslettersOrganizations() {
        let acronyms = Set(organizations.compactMap(\.acronym))
        #expect(acronyms.isSuperset(of: ["ICRC", "IFRC", "GICHD", "CMC", "RACVIAC", "UNESCAP", "EU", "NPA", "MAG"]))
    }

    @Test func everyOrganizationIsFoundByEachOfItsNames() {
        for organization in organizations {
            for name in organization.names {
                #expect(resolver.organization(named: name) == organization, "\(name)")
                #expect(resolver.organization(named: name.lowercased()) == organization, "\(name)")
            }
        }
    }

    static let found: [(String, String, MSPDomain.Category)] = [
        ("ICRC", "International Committee of the Red Cross", .internationalOrganizations),
        ("cmc", "Cluster Munition Coalition", .civilSociety),
        ("Cluster Munition Coalition", "Cluster Munition Coalition", .civilSociety),
        (
            "ESCAP", "United Nations Economic and Social Commission for Asia and the Pacific",
            .internationalOrganizations
        ),
        (
            "Comité international de la Croix-Rouge", "International Committee of the Red Cross",
            .internationalOrganizations
        ),
        ("Handicap International", "Humanity & Inclusion", .civilSociety),
    ]

    @Test(arguments: found)
    func anOrganizationIsFoundByAcronymNameOrAlias(typed: String, name: String, category: MSPDomain.Category) throws {
        let found = try #require(resolver.organization(named: typed))
        #expect(found.name == name)
        #expect(found.category == category)
    }

    @Test func aNameTypedWithItsAcronymInBracketsGivesTheAcronym() {
        let npa = Organization.fromTyped(" Norwegian People's Aid (NPA) ", category: .civilSociety)
        #expect(npa == Organization(name: "Norwegian People's Aid", acronym: "NPA", category: .civilSociety))
        let plain = Organization.fromTyped("Geneva Call", category: .civilSociety)
        #expect(plain == Organization(name: "Geneva Call", acronym: nil, category: .civilSociety))
        let bracketed = Organization.fromTyped("Friends of (the) Earth", category: .civilSociety)
        #expect(bracketed.acronym == nil)
    }

    @Test func aFixtureWithAStateCategoryIsRefused() {
        #expect(throws: InputError.self) {
            try Organization.parseFixture(csv: "name,acronym,category,aliases\nFoo,F,state_party,\n")
        }
        #expect(throws: InputError.self) { try Organization.parseFixture(csv: "name,category\nFoo,civil_society\n") }
    }
}

@Suite struct DelegationResolverTests {
    let resolver = try! Fixtures.resolver()
    let membership = try! Fixtures.ccmMembership()
    let opening = day("2017-09-04")

    func resolve(_ typed: String, _ category: MSPDomain.Category? = nil) throws -> (
        represented: Represented, category: MSPDomain.Category
    ) {
        try resolver.resolve(
            typed, category: category, stateCategory: { membership.category(of: $0.iso3, on: opening) }, on: opening)
    }

    @Test func aStateTakesItsCategoryFromTheTreaty() throws {
        let uganda = try resolve("UG")
        #expect(uganda.represented.name == "Uganda")
        #expect(uganda.category == .signatoryStates)
        #expect(try resolve("Germany").category == .statesParties)
        #expect(try resolve("Finland").category == .observerStates)
    }

    @Test func givingAStateItsOwnCategoryIsHarmless() throws {
        #expect(try resolve("Uganda", .signatoryStates).category == .signatoryStates)
    }

    static let notUganda: [MSPDomain.Category] = [
        .statesParties, .observerStates, .internationalOrganizations, .civilSociety,
    ]
    static let stateCategories: [MSPDomain.Category] = [.statesParties, .signatoryStates, .observerStates]

    @Test(arguments: notUganda)
    func aStatesCategoryCannotBeOverridden(category: MSPDomain.Category) {
        let error = #expect(throws: InputError.self) { try resolve("Uganda", category) }
        #expect(error?.message.contains("cannot be set") == true)
        #expect(error?.field == .delegation)
    }

    @Test func anUnknownOrganizationWithoutACategoryIsAnError() {
        let error = #expect(throws: InputError.self) { try resolve("Geneva Call") }
        #expect(error?.message.contains("give its category") == true)
    }

    @Test func anUnknownNameSuggestsTheNearestState() {
        let error = #expect(throws: InputError.self) { try resolve("Tanznia") }
        #expect(error?.message.contains("did you mean 'United Republic of Tanzania'") == true)
    }

    @Test(arguments: stateCategories)
    func anOrganizationWithAStateCategoryIsAnError(category: MSPDomain.Category) {
        let error = #expect(throws: InputError.self) { try resolve("Geneva Call", category) }
        #expect(error?.message.contains("is not a State") == true)
    }

    @Test func aKnownOrganizationWithAnotherCategoryIsAnError() throws {
        #expect(throws: InputError.self) { try resolve("ICRC", .civilSociety) }
        #expect(throws: InputError.self) { try resolve("CMC", .internationalOrganizations) }
        let icrc = try resolve("icrc", .internationalOrganizations)
        #expect(icrc.represented == .organization(try #require(resolver.organization(named: "ICRC"))))
    }

    @Test func aNewOrganizationNeedsItsCategoryOnce() throws {
        let new = try resolve("Geneva Call", .civilSociety)
        #expect(new.represented == .newOrganization(Organization(name: "Geneva Call", category: .civilSociety)))
        #expect(new.category == .civilSociety)
    }

    @Test func aKnownOrganizationTypedWithItsAcronymInBracketsIsTheKnownOne() throws {
        let npa = try #require(resolver.organization(named: "NPA"))
        let typed = try resolve("Norwegian People's Aid (NPA)")
        #expect(typed.represented == .organization(npa))
        #expect(typed.category == .civilSociety)
        #expect(throws: InputError.self) { try resolve("Norwegian People's Aid (NPA)", .internationalOrganizations) }
    }

    @Test(arguments: ["", "   "])
    func anEmptyNameIsAnError(typed: String) {
        #expect(throws: InputError.self) { try resolve(typed, .civilSociety) }
    }

    @Test func aStateNameWinsOverAnOrganizationsAcronym() throws {
        // "DRC" is the Democratic Republic of the Congo; the Danish Refugee Council is DRC-DDG.
        #expect(try resolve("DRC").represented.name == "Democratic Republic of the Congo")
    }
}
