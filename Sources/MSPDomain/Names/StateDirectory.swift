import Foundation

/// A State as the United Nations names it.
package struct State: Hashable, Sendable {
    /// The UN (M49) English short name today: "Democratic Republic of the Congo". A document of a meeting prints
    /// `name(on:)` its opening day instead.
    package var name: String
    package var iso2: String
    package var iso3: String
    package var m49: String
    /// `yes` for UN Member States, `observer` for the Holy See and the State of Palestine, `no` otherwise.
    package var unMember: String
    package var aliases: [String]
    /// The State's UN short names since 2000, oldest first, when it had more than today's (`state-names-history.csv`);
    /// empty when `name` has been its name throughout.
    package var namePeriods: [NamePeriod]

    package init(
        name: String, iso2: String, iso3: String, m49: String, unMember: String, aliases: [String],
        namePeriods: [NamePeriod] = []
    ) {
        self.name = name
        self.iso2 = iso2
        self.iso3 = iso3
        self.m49 = m49
        self.unMember = unMember
        self.aliases = aliases
        self.namePeriods = namePeriods
    }
}

/// How a typed name relates to the States: it finds one, it could be several ("Korea"), or none.
package enum StateLookup: Hashable, Sendable {
    case state(State)
    /// The name finds no State by itself but is part of the names of a few: each State it could mean.
    case ambiguous([State])
    case none
}

/// Every State that can register, found by UN short name, alias, former name or ISO code, whatever the case,
/// diacritics or apostrophe style: "DRC", "Tanzania", "The Gambia", "São Tomé and Príncipe", "Lao PDR", "UG", "MDG",
/// "Swaziland"; also as official documents write names, with a leading "the" ("the Holy See") and with an
/// apostrophe left out or typed as a space ("Cote divoire", "Cote d Ivoire").
package struct StateDirectory: Sendable {
    package let states: [State]
    private let byKey: [String: Int]
    /// The tables only a name that `byKey` does not find needs, built the first time one is looked up: most
    /// commands look up one name, typed as the UN writes it, and building them cost more than the rest of a
    /// `register` (bench/results.md, "Profile").
    private let fallback: FallbackTables
    /// Every State's names by their look-alike key (`LookAlike.key`), made the first time a new organization's name
    /// is compared with them: ICU's skeletons of a few hundred names are not worth computing for every command.
    private let lookAlikes = LookAlikeIndex()

    /// A lock-guarded map built once, on first use.
    final class LookAlikeIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var byKey: [String: String]?

        func names(_ build: () -> [String: String]) -> [String: String] {
            lock.lock()
            defer { lock.unlock() }
            if let byKey { return byKey }
            let built = build()
            byKey = built
            return built
        }
    }

    /// The UN short name of the State one of whose names looks like `key` (`LookAlike.key`), if any.
    package func stateLookingLike(key: String) -> String? {
        lookAlikes.names {
            var byKey: [String: String] = [:]
            for state in states {
                for name in state.allNames { byKey[LookAlike.key(name)] = byKey[LookAlike.key(name)] ?? state.name }
            }
            return byKey
        }[key]
    }

    package init(states: [State]) throws {
        self.states = states
        var byKey: [String: Int] = [:]
        byKey.reserveCapacity(states.count * 5)
        for (index, state) in states.enumerated() {
            for name in [state.iso2, state.iso3] + state.allNames {
                let key = NameKey.of(name)
                if let other = byKey[key], other != index {
                    throw InputError("'\(name)' names both \(states[other].name) and \(state.name)")
                }
                byKey[key] = index
            }
        }
        self.byKey = byKey
        self.fallback = FallbackTables(states)
    }

    /// Names (not codes) by `looseKey`, a loose key two States share left out; and the words of every name of each
    /// State, for telling an ambiguous name from an unknown one. Built once, on first use, under a lock (a
    /// directory is shared by the portal's requests).
    final class FallbackTables: @unchecked Sendable {
        typealias Tables = (byLooseKey: [String: Int], words: [[[Substring]]])
        private let states: [State]
        private let lock = NSLock()
        private var built: Tables?

        init(_ states: [State]) { self.states = states }

        var tables: Tables {
            lock.withLock {
                if let built { return built }
                var byLooseKey: [String: Int] = [:]
                var sharedLooseKeys: Set<String> = []
                for (index, state) in states.enumerated() {
                    for name in state.allNames {
                        let loose = StateDirectory.looseKey(NameKey.of(name))
                        if let other = byLooseKey[loose], other != index { sharedLooseKeys.insert(loose) }
                        byLooseKey[loose] = index
                    }
                }
                for key in sharedLooseKeys { byLooseKey[key] = nil }
                let words = states.map { state in state.allNames.map { StateDirectory.words(NameKey.of($0)) } }
                built = (byLooseKey, words)
                return (byLooseKey, words)
            }
        }
    }

    /// Reads `states.csv` (`un_short_name,iso_alpha2,iso_alpha3,m49,un_member,aliases`, aliases separated by `|`)
    /// and `state-names-history.csv` (see `NamePeriod.parseHistory`).
    package init(csv text: String, history: String) throws {
        // The project's own reader: CSV.swift decodes scalar by scalar, and reading this table with it was a third
        // of a `register` (bench/results.md, "Profile").
        let expected = ["un_short_name", "iso_alpha2", "iso_alpha3", "m49", "un_member", "aliases"]
        var states: [State] = []
        for record in try CSVRecordReader.table(text, named: "states.csv", columns: expected) {
            let row = record.fields
            states.append(
                State(
                    name: row[0], iso2: row[1], iso3: row[2], m49: row[3], unMember: row[4],
                    // Split on bytes ("|" is ASCII): splitting on characters was a quarter of reading the table.
                    aliases: row[5].utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) }))
        }
        let periods = try NamePeriod.parseHistory(
            csv: history,
            names: Dictionary(states.map { ($0.iso3, $0.name) }) {
                first, _ in first
            })
        for index in states.indices { states[index].namePeriods = periods[states[index].iso3] ?? [] }
        try self.init(states: states)
    }

    /// The State a name finds, if any.
    package func find(_ name: String) -> State? {
        let key = NameKey.of(name)
        if let index = byKey[key] { return states[index] }
        // "the Holy See", "the United Kingdom of ...": official documents put "the" before many names.
        let unprefixed = Self.withoutLeadingThe(key)
        if let unprefixed, let index = byKey[unprefixed] { return states[index] }
        // "Cote divoire", "Cote d Ivoire": an apostrophe left out or typed as a space.
        if let index = fallback.tables.byLooseKey[Self.looseKey(unprefixed ?? key)] { return states[index] }
        return nil
    }

    /// The State a name finds; else the States it could mean when it is a part of the names of a few of them
    /// ("Korea": the Republic of Korea and the Democratic People's Republic of Korea), in the order of their names;
    /// else none.
    package func lookup(_ name: String) -> StateLookup {
        if let state = find(name) { return .state(state) }
        let key = NameKey.of(name)
        let typed = Self.words(Self.withoutLeadingThe(key) ?? key)
        guard !typed.isEmpty else { return .none }
        let words = fallback.tables.words
        let matches = states.indices.filter { index in words[index].contains { $0.containsRun(typed) } }
        // A word most names share ("Republic", "and", "of") names no State in particular: that is an unknown name,
        // answered with the nearest names rather than a list of dozens.
        guard matches.count >= 2, matches.count <= Self.mostStatesAnAmbiguousNameLists else { return .none }
        return .ambiguous(
            matches.map { states[$0] }.sorted {
                (NameKey.sortKey($0.name), $0.name) < (NameKey.sortKey($1.name), $1.name)
            })
    }

    /// How many States a part of their names may name and still be called ambiguous ("Saint" names three).
    package static let mostStatesAnAmbiguousNameLists = 5

    /// The State with this ISO 3166 alpha-3 code.
    package func state(iso3: String) -> State? {
        byKey[NameKey.of(iso3)].map { states[$0] }.flatMap { $0.iso3 == iso3.uppercased() ? $0 : nil }
    }

    /// The UN short name of the State with this ISO code on `day` (see `State.name(on:)`), or nil for an unknown code.
    package func name(iso3: String, on day: LocalDate) -> String? {
        state(iso3: iso3)?.name(on: day)
    }

    /// The nearest State names, for a name that finds none.
    package func suggestions(for name: String, limit: Int = 3) -> [String] {
        EditDistance.nearest(to: name, among: nameCandidates, limit: limit)
    }

    /// Every name, alias and former name, with its key, each pointing at the State's UN short name.
    package var nameCandidates: [(key: String, name: String)] {
        states.flatMap { state in state.allNames.map { (NameKey.of($0), state.name) } }
    }

    /// A name key without a leading "the " ("the holy see" → "holy see"), or nil when it has none.
    static func withoutLeadingThe(_ key: String) -> String? {
        guard key.hasPrefix("the "), key.count > 4 else { return nil }
        return String(key.dropFirst(4))
    }

    /// A name key without apostrophes, hyphens and spaces: "cote d'ivoire", "cote divoire" and "cote d ivoire" are
    /// all "cotedivoire".
    static func looseKey(_ key: String) -> String {
        // On bytes: the three are ASCII, and no byte of a character outside ASCII is (9,500 instructions a name
        // on characters, for every organization's name an import looks up among the States).
        String(decoding: key.utf8.filter { $0 != 0x27 && $0 != 0x20 && $0 != 0x2D }, as: UTF8.self)
    }

    /// The words of a name key: "korea, democratic people's republic of" → korea, democratic, people's, republic, of.
    static func words(_ key: String) -> [Substring] {
        key.split { !($0.isLetter || $0.isNumber || $0 == "'") }
    }
}

extension State {
    /// Today's name, the aliases and the former names.
    package var allNames: [String] {
        var names = [name] + aliases
        for period in namePeriods where !names.contains(period.name) { names.append(period.name) }
        return names
    }

    /// The names the United Nations used for the State before today's (since 2000), oldest first.
    package var formerNames: [String] {
        namePeriods.map(\.name).filter { $0 != name }
    }
}

extension Array where Element == Substring {
    /// Whether `run` appears in this array as consecutive elements.
    fileprivate func containsRun(_ run: [Substring]) -> Bool {
        guard run.count <= count else { return false }
        return (0...(count - run.count)).contains { start in self[start..<(start + run.count)].elementsEqual(run) }
    }
}
