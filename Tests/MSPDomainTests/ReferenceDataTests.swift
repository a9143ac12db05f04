import Testing

@testable import MSPDomain

/// The bundled organizations can all be reached: no name, acronym or alias of theirs is also a State's.
@Suite struct ReferenceDataTests {
    @Test func noOrganizationNameIsAlsoAStateName() throws {
        let states = try Fixtures.states()
        for organization in try Fixtures.organizations() {
            for name in organization.names {
                #expect(
                    states.find(name) == nil, "\(organization.name): '\(name)' finds \(states.find(name)?.name ?? "")")
            }
        }
    }

    @Test func aStatesCodeStillFindsTheStateAndTheAfricanUnionIsFoundByName() throws {
        let resolver = try Fixtures.resolver()
        let category: (State) -> MSPDomain.Category = { _ in .statesParties }
        #expect(try resolver.resolve("AU", category: nil, stateCategory: category).represented.name == "Australia")
        #expect(
            try resolver.resolve("African Union (AU)", category: nil, stateCategory: category).represented.name
                == "African Union")
    }
}
