import Testing

@testable import MSPDomain

/// A State's name on a day (`state-names-history.csv`), every name it ever had finding it, names as official
/// documents write them, and names that could be several States.
@Suite struct StateNameOnADayTests {
    let states = try! Fixtures.states()

    func state(_ iso3: String) -> State { states.state(iso3: iso3)! }

    @Test(arguments: [
        // The 7MSP opened on 4 September 2017: the names a list of participants of that day printed.
        ("MKD", "2017-09-04", "The former Yugoslav Republic of Macedonia"),
        ("SWZ", "2017-09-04", "Swaziland"),
        ("TUR", "2017-09-04", "Turkey"),
        ("CZE", "2017-09-04", "Czechia"),
        // Both days of a period are inclusive: the last day of the old name, the first of the new.
        ("CZE", "2016-05-16", "Czech Republic"), ("CZE", "2016-05-17", "Czechia"),
        ("SWZ", "2018-04-18", "Swaziland"), ("SWZ", "2018-04-19", "Eswatini"),
        ("MKD", "2019-02-11", "The former Yugoslav Republic of Macedonia"), ("MKD", "2019-02-12", "North Macedonia"),
        ("TUR", "2022-05-31", "Turkey"), ("TUR", "2022-06-01", "Türkiye"),
        ("SRB", "2001-01-01", "Yugoslavia"), ("SRB", "2004-05-05", "Serbia and Montenegro"),
        ("SRB", "2007-01-01", "Serbia"),
        ("NLD", "2023-04-03", "Netherlands"), ("NLD", "2023-04-04", "Netherlands (Kingdom of the)"),
        ("MKD", "1999-12-31", "The former Yugoslav Republic of Macedonia"),
        ("TUR", "2026-11-30", "Türkiye"),
        // A State whose name never changed.
        ("UGA", "2001-01-01", "Uganda"),
        // Before the State existed there is no name of its own: today's is given.
        ("SSD", "2010-01-01", "South Sudan"),
    ])
    func theNameInForceOnTheDay(iso3: String, on: String, name: String) {
        #expect(state(iso3).name(on: day(on)) == name)
        #expect(states.name(iso3: iso3, on: day(on)) == name)
    }

    @Test func aRepresentedStateIsNamedOnTheDayAndAnOrganizationAsItIs() {
        #expect(Represented.state(state("SWZ")).name(on: day("2017-09-04")) == "Swaziland")
        #expect(Represented.state(state("SWZ")).name == "Eswatini")
        let icrc = Organization(name: "International Committee of the Red Cross", category: .internationalOrganizations)
        #expect(Represented.organization(icrc).name(on: day("2017-09-04")) == icrc.name)
    }

    @Test func theFixtureGivesPeriodsToTheStatesWhoseNameChangedEachWithItsSources() throws {
        let changed = Set(states.states.filter { !$0.namePeriods.isEmpty }.map(\.iso3))
        #expect(
            changed == [
                "BOL", "CPV", "CZE", "LBY", "MKD", "MNE", "NLD", "PSE", "SRB", "SSD", "SWZ", "TLS", "TUR", "VEN",
            ])
        // Every period has its sources (the fifth column), kept in the fixture for whoever checks a date.
        let rows = try Fixtures.text("state-names-history.csv").split(separator: "\n").dropFirst()
        #expect(rows.count == 27)
        #expect(rows.allSatisfy { $0.contains("https://") || $0.contains("http://") })
    }

    @Test func everyNameAStateEverHadFindsIt() {
        for state in states.states {
            for period in state.namePeriods {
                #expect(states.find(period.name)?.iso3 == state.iso3, "\(period.name)")
            }
        }
        #expect(states.find("Swaziland")?.name == "Eswatini")
        #expect(states.find("Yugoslavia")?.name == "Serbia")
        #expect(states.find("Serbia and Montenegro")?.name == "Serbia")
        #expect(states.find("Libyan Arab Jamahiriya")?.name == "Libya")
        #expect(state("SRB").formerNames == ["Yugoslavia", "Serbia and Montenegro"])
        #expect(state("UGA").formerNames.isEmpty)
    }

    @Test(arguments: [
        ("YUG,Yugoslavia,,,s\n", "not the code of a State"),
        ("TUR,Turkey,,2022-05-31,s\nTUR,Türkiye,2022-06-02,,s\n", "does not start the day after"),
        ("TUR,Turkey,,2022-05-31,s\nTUR,Türkiye,2022-05-31,,s\n", "does not start the day after"),
        ("TUR,Turkey,,2022-05-31,s\n", "must be open-ended"),
        ("TUR,Turkey,,,s\n", "must be open-ended and be its name in states.csv"),
        ("TUR,Türkiye,2022-06-01,2022-05-01,s\n", "is before valid_from"),
        ("TUR,Türkiye,1 June 2022,,s\n", "is not a day"),
    ])
    func aHistoryThatLeavesADayWithoutANameOrWithTwoIsRefused(rows: String, problem: String) {
        let csv = "iso_alpha3,name,valid_from,valid_to,source\n" + rows
        let error = #expect(throws: InputError.self) {
            try NamePeriod.parseHistory(csv: csv, names: ["TUR": "Türkiye"])
        }
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
    }
}

@Suite struct NamesAsDocumentsWriteThemTests {
    let states = try! Fixtures.states()

    @Test(arguments: [
        ("the Holy See", "Holy See"),
        ("THE HOLY SEE", "Holy See"),
        (
            "the United Kingdom of Great Britain and Northern Ireland",
            "United Kingdom of Great Britain and Northern Ireland"
        ),
        ("the Democratic Republic of Congo", "Democratic Republic of the Congo"),
        ("the Democratic Republic of the Congo", "Democratic Republic of the Congo"),
        ("the FYR of Macedonia", "North Macedonia"),
        ("FYR Macedonia", "North Macedonia"),
        ("the former Yugoslav Republic of Macedonia", "North Macedonia"),
        ("The Gambia", "Gambia"),
        ("the Netherlands", "Netherlands (Kingdom of the)"),
        ("cote divoire", "Côte d'Ivoire"),
        ("Cote d Ivoire", "Côte d'Ivoire"),
        ("COTE D IVOIRE", "Côte d'Ivoire"),
        ("the Cote d Ivoire", "Côte d'Ivoire"),
        ("Lao Peoples Democratic Republic", "Lao People's Democratic Republic"),
        ("Democratic Peoples Republic of Korea", "Democratic People's Republic of Korea"),
    ])
    func findsItsState(typed: String, name: String) throws {
        #expect(try #require(states.find(typed)).name == name)
    }

    @Test(arguments: ["the", "the ", "The Atlantis", "Thebes", "theHoly See"])
    func aLeadingTheIsAWordBeforeAName(typed: String) {
        #expect(states.find(typed) == nil)
    }

    @Test func aLooseFormTwoStatesShareFindsNeither() throws {
        let a = State(name: "Ab Cd", iso2: "AA", iso3: "AAA", m49: "001", unMember: "yes", aliases: [])
        let b = State(name: "Abc D", iso2: "BB", iso3: "BBB", m49: "002", unMember: "yes", aliases: [])
        let directory = try StateDirectory(states: [a, b])
        #expect(directory.find("abcd") == nil)
        #expect(directory.find("ab cd") == a)
        #expect(directory.find("abc d") == b)
    }
}

@Suite struct AmbiguousStateNameTests {
    let states = try! Fixtures.states()
    let resolver = try! Fixtures.resolver()
    let membership = try! Fixtures.ccmMembership()
    let opening = day("2017-09-04")

    func names(_ lookup: StateLookup) -> [String]? {
        guard case .ambiguous(let candidates) = lookup else { return nil }
        return candidates.map(\.name)
    }

    @Test func koreaCouldBeEitherKorea() {
        #expect(states.find("Korea") == nil)
        #expect(names(states.lookup("Korea")) == ["Democratic People's Republic of Korea", "Republic of Korea"])
        #expect(names(states.lookup("the korea")) == ["Democratic People's Republic of Korea", "Republic of Korea"])
        #expect(
            names(states.lookup("Saint")) == [
                "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines",
            ])
    }

    @Test func aNameFoundIsNotAmbiguous() {
        // "Congo" is the Republic of the Congo's UN short name, though the DRC's names contain it.
        #expect(states.lookup("Congo") == .state(states.state(iso3: "COG")!))
        #expect(states.lookup("Guinea") == .state(states.state(iso3: "GIN")!))
    }

    @Test(arguments: ["Timor", "Atlantis", "Republic", "of", "Republic of", "", "   "])
    func aPartOfOneStatesNameOrOfMostIsNotAmbiguous(typed: String) {
        #expect(states.lookup(typed) == StateLookup.none)
    }

    @Test func theAmbiguityErrorListsTheStatesUnderTheirNamesOnTheDay() {
        let error = states.notFound("North", field: .delegation, on: opening)
        #expect(
            error.message
                == "'North' is ambiguous: it could be Democratic People's Republic of Korea or The former Yugoslav Republic of Macedonia; give the State's name"
        )
        #expect(error.field == .delegation)
        #expect(states.notFound("North", field: nil, on: nil).message.contains("or North Macedonia;"))
    }

    @Test func registeringKoreaSaysItIsAmbiguousNotThatItIsNeitherAStateNorAnOrganization() {
        for category: MSPDomain.Category? in [nil, .statesParties, .observerStates] {
            let error = #expect(throws: InputError.self) {
                try resolver.resolve(
                    "Korea", category: category, stateCategory: { membership.category(of: $0.iso3, on: opening) },
                    on: opening)
            }
            #expect(
                error?.message
                    == "'Korea' is ambiguous: it could be Democratic People's Republic of Korea or Republic of Korea; give the State's name"
            )
            #expect(error?.field == .delegation)
        }
        let notFound = resolver.notFound("Korea", field: .delegation, on: opening)
        #expect(notFound.message.contains("ambiguous") && !notFound.message.contains("neither"))
        #expect(resolver.notFound("Atlantis", field: .delegation, on: opening).message.contains("neither a State"))
    }

    @Test func aNameGivenWithAnOrganizationsCategoryIsANewOrganizationsEvenIfPartOfStatesNames() throws {
        let resolved = try resolver.resolve(
            "Korea", category: .civilSociety, stateCategory: { _ in .observerStates }, on: opening)
        #expect(resolved.represented == .newOrganization(Organization(name: "Korea", category: .civilSociety)))
    }
}
