import Testing

@testable import MSPDomain

/// The bundled organizations can all be reached: no name, acronym or alias of theirs is also a State's, written
/// in any way that finds a State (a leading "the", an apostrophe left out) or names several (`StateDirectory.lookup`).
@Suite struct ReferenceDataTests {
    @Test func noOrganizationNameIsAlsoAStateName() throws {
        let states = try Fixtures.states()
        for organization in try Fixtures.organizations() {
            for name in organization.names {
                #expect(
                    states.lookup(name) == .none, "\(organization.name): '\(name)' finds \(states.lookup(name))")
                #expect(
                    states.lookup("the " + name) == .none,
                    "\(organization.name): 'the \(name)' finds \(states.lookup("the " + name))")
            }
        }
    }

    @Test func aStatesCodeStillFindsTheStateAndTheAfricanUnionIsFoundByName() throws {
        let resolver = try Fixtures.resolver()
        let category: (State) -> MSPDomain.Category = { _ in .statesParties }
        #expect(
            try resolver.resolve("AU", category: nil, stateCategory: category, on: nil).represented.name == "Australia")
        #expect(
            try resolver.resolve("African Union (AU)", category: nil, stateCategory: category, on: nil).represented.name
                == "African Union")
    }
}
