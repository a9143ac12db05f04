/// A new organization whose name or acronym is close to a known one's is most likely the known one, mistyped
/// ("Clusterr Munition Coalition" for the Cluster Munition Coalition): registering it would split one organization's
/// delegation in two. It is refused with the known name, unless the clerk confirms that it is new.
extension DelegationResolver {
    /// A known organization's key, with what the closeness test needs computed once.
    struct CloseCandidate: Sendable {
        var key: String
        var digits: String
        var index: Int

        init(_ key: String, _ index: Int) {
            self.key = key
            self.digits = String(key.unicodeScalars.filter { $0.properties.numericType != nil })
            self.index = index
        }
    }

    /// The known organizations whose name, acronym or alias is close to one of `organization`'s: keys of four
    /// characters or more, at most one edit in eight characters (at least one) apart, with the same digits
    /// ("Forum 2023" and "Forum 2024" are two organizations, not a typing slip).
    package func closeOrganizations(to organization: Organization) -> [Organization] {
        var found: [Int] = []
        for typed in organization.names.map(NameKey.of) {
            let length = typed.utf8.count
            guard length >= 4 else { continue }
            let candidate = CloseCandidate(typed, -1)
            let allowed = max(1, length / 8)
            for otherLength in (length - allowed)...(length + allowed) {
                for known in keysByLength[otherLength] ?? [] where !found.contains(known.index) {
                    if Self.areClose(candidate, known, allowed: max(1, min(length, otherLength) / 8)) {
                        found.append(known.index)
                    }
                }
            }
        }
        return found.sorted().map { organizations[$0] }
    }

    static func areClose(_ a: CloseCandidate, _ b: CloseCandidate, allowed: Int) -> Bool {
        guard min(a.key.utf8.count, b.key.utf8.count) >= 4, a.key != b.key, a.digits == b.digits else { return false }
        return EditDistance.between(a.key, b.key) <= allowed
    }

    /// Refuses a new organization close to a known one, naming the known one.
    func refuseIfClose(_ organization: Organization, typed: String) throws {
        let close = closeOrganizations(to: organization)
        guard !close.isEmpty else { return }
        let names = close.prefix(3).map { known in
            "'\(known.name)'" + (known.acronym.map { " (\($0))" } ?? "")
        }
        throw InputError(
            "'\(typed)' is not a known organization but is close to \(names.joined(separator: ", ")): give that name, or confirm that '\(typed)' is a new organization",
            field: .newOrganization, reason: .conflict)
    }
}

/// A new organization whose name is close to a State's ("Mozambqiue" with `--category civil_society`) is most likely
/// the State, misspelt: registering it would put a State among the civil society organizations. It is refused with
/// the State's name, found by the measure by which a name that finds nothing is near a State's
/// (`EditDistance.nearDistance`: a third of its length in edits), unless the clerk confirms that it is new. A name
/// that is part of States' names ("Korea") is not close: the category says that the secretariat means an
/// organization. An acronym ("MAG", "NATO": written in capitals, or three characters or fewer) is not compared: it is
/// a few edits from many short State names by chance ("NATO" and "Togo").
extension DelegationResolver {
    /// The States whose name is close to one of `organization`'s names that is not an acronym, nearest first.
    package func closeStates(to organization: Organization) -> [String] {
        var scored: [(distance: Int, name: String)] = []
        for name in organization.names where name.contains(where: { $0.isLowercase }) {
            let key = NameKey.of(name)
            guard key.count >= 4 else { continue }
            for candidate in states.nameCandidates {
                if let distance = EditDistance.nearDistance(key, candidate.key) {
                    scored.append((distance, candidate.name))
                }
            }
        }
        var found: [String] = []
        for (_, name) in scored.sorted(by: { ($0.distance, $0.name) < ($1.distance, $1.name) })
        where !found.contains(name) {
            found.append(name)
        }
        return found
    }

    /// Refuses a new organization close to a State, naming the State.
    func refuseIfCloseToState(_ organization: Organization, typed: String) throws {
        let close = closeStates(to: organization)
        guard !close.isEmpty else { return }
        throw InputError(
            "'\(typed)' is not a known organization but is close to the State \(close.prefix(3).map { "'\($0)'" }.joined(separator: ", ")) (did you mean \(close[0])?): give the State's name, or confirm that '\(typed)' is a new organization",
            field: .newOrganization, reason: .conflict)
    }
}

/// A new organization whose name looks the same as a known organization's or a State's, written with other letters
/// ("Red Сross" with a Cyrillic "С", "Ugаnda" with a Cyrillic "а"), is refused, even when the clerk confirms that it
/// is new: on a printed list no one could tell the two apart. Compared by UTS #39 skeletons (`LookAlike`).
extension DelegationResolver {
    /// The known organization's or State's name that `organization`'s name or acronym looks like, if any.
    package func lookAlike(of organization: Organization) -> String? {
        let keys = organization.names.map(LookAlike.key)
        for key in keys {
            if let index = organizationByLookAlike[key] { return organizations[index].name }
        }
        return keys.lazy.compactMap { states.stateLookingLike(key: $0) }.first
    }

    /// Refuses a new organization that looks the same as a known one, naming it and the letters that differ.
    func refuseIfLookAlike(_ organization: Organization, typed: String, field: FieldPath) throws {
        guard let known = lookAlike(of: organization) else { return }
        let letters = LookAlike.standIns(in: typed)
        throw InputError(
            "'\(typed)' looks the same as '\(known)' but is written with other letters\(letters.isEmpty ? "" : " (\(letters.joined(separator: ", ")))"): give the name as '\(known)' is written; two delegations whose names look alike cannot be told apart",
            field: field, reason: .conflict)
    }
}
