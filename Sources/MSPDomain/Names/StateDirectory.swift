import CSV

/// A State as the United Nations names it.
public struct State: Hashable, Sendable {
    /// The UN (M49) English short name: "Democratic Republic of the Congo".
    public var name: String
    public var iso2: String
    public var iso3: String
    public var m49: String
    /// `yes` for UN Member States, `observer` for the Holy See and the State of Palestine, `no` otherwise.
    public var unMember: String
    public var aliases: [String]

    public init(name: String, iso2: String, iso3: String, m49: String, unMember: String, aliases: [String]) {
        self.name = name
        self.iso2 = iso2
        self.iso3 = iso3
        self.m49 = m49
        self.unMember = unMember
        self.aliases = aliases
    }
}

/// Every State that can register, found by UN short name, alias or ISO code, whatever the case,
/// diacritics or apostrophe style: "DRC", "Tanzania", "The Gambia", "São Tomé and Príncipe", "Lao PDR", "UG", "MDG".
public struct StateDirectory: Sendable {
    public let states: [State]
    private let byKey: [String: Int]

    public init(states: [State]) throws {
        self.states = states
        var byKey: [String: Int] = [:]
        for (index, state) in states.enumerated() {
            for name in [state.name, state.iso2, state.iso3] + state.aliases {
                let key = NameKey.of(name)
                if let other = byKey[key], other != index {
                    throw InputError("'\(name)' names both \(states[other].name) and \(state.name)")
                }
                byKey[key] = index
            }
        }
        self.byKey = byKey
    }

    /// Reads `states.csv` (`un_short_name,iso_alpha2,iso_alpha3,m49,un_member,aliases`, aliases separated by `|`).
    public init(csv text: String) throws {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let expected = ["un_short_name", "iso_alpha2", "iso_alpha3", "m49", "un_member", "aliases"]
        guard reader.headerRow == expected else {
            throw InputError("states.csv: the header is not \(expected.joined(separator: ","))")
        }
        var states: [State] = []
        while let row = reader.next() {
            guard row.count == expected.count else {
                throw InputError("states.csv: line \(states.count + 2) has \(row.count) columns, not \(expected.count)")
            }
            states.append(
                State(
                    name: row[0], iso2: row[1], iso3: row[2], m49: row[3], unMember: row[4],
                    aliases: row[5].split(separator: "|").map { String($0) }))
        }
        try self.init(states: states)
    }

    /// The State a name finds, if any.
    public func find(_ name: String) -> State? {
        byKey[NameKey.of(name)].map { states[$0] }
    }

    public func state(iso3: String) -> State? {
        byKey[NameKey.of(iso3)].map { states[$0] }.flatMap { $0.iso3 == iso3.uppercased() ? $0 : nil }
    }

    /// The nearest State names, for a name that finds none.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        EditDistance.nearest(to: name, among: nameCandidates, limit: limit)
    }

    /// Every name and alias, with its key, each pointing at the State's UN short name.
    public var nameCandidates: [(key: String, name: String)] {
        states.flatMap { state in ([state.name] + state.aliases).map { (NameKey.of($0), state.name) } }
    }
}
