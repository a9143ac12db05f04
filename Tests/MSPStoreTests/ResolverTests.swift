import MSPDomain
import MSPStore
import Testing

/// `Store.resolver(for:)`: one name's resolver, without loading every organization.
@Suite struct NarrowResolverTests {
    @Test func aTypedNameFindsTheSameAsTheFullResolverAndUnknownNamesStillGetSuggestions() throws {
        let store = try Store.inMemory()
        let full = try store.resolver()
        let opens = LocalDate(iso: "2017-09-04")!
        let membership = try store.membership(convention: "CCM")
        func category(_ state: State) -> MSPDomain.Category { membership.category(of: state.iso3, on: opens) }
        for typed in [
            "Uganda", "ICRC", "Norwegian People's Aid (NPA)", "geneva international centre for humanitarian demining",
        ] {
            let narrow = try store.resolver(for: typed)
            #expect(
                try narrow.resolve(typed, category: nil, stateCategory: category, on: opens).represented
                    == full.resolve(typed, category: nil, stateCategory: category, on: opens).represented)
        }
        let unknown = try store.resolver(for: "Internationl Committee of the Red Cross")
        #expect(
            unknown.suggestions(for: "Internationl Committee of the Red Cross").contains(
                "International Committee of the Red Cross"))
    }
}
