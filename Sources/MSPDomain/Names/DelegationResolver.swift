/// Who a delegation represents.
package enum Represented: Hashable, Sendable {
    case state(State)
    /// An organization already known (in the fixture or registered before).
    case organization(Organization)
    /// An organization registered for the first time, with the category given for it.
    case newOrganization(Organization)

    /// The canonical name today: the UN short name of a State, an organization's full name. What a meeting's
    /// documents and messages print is `name(on:)` its opening day.
    package var name: String {
        switch self {
        case .state(let state): return state.name
        case .organization(let organization), .newOrganization(let organization): return organization.name
        }
    }
}

/// Finds the State or organization a typed name means, and its category at a meeting.
///
/// A State is found by UN short name, alias or ISO code; its category is the treaty's fact on the meeting's
/// opening day and cannot be chosen. An organization is found by name, acronym or alias; a new one needs a
/// category (international organization or civil society) the first time.
package struct DelegationResolver: Sendable {
    package let states: StateDirectory
    private(set) var organizations: [Organization]
    private var organizationByKey: [String: Int]
    /// Every organization key by its length in bytes, for finding close names without comparing with all of them.
    private(set) var keysByLength: [Int: [CloseCandidate]] = [:]
    /// Every organization by the look-alike key of each of its names (`LookAlike.key`).
    private(set) var organizationByLookAlike: [String: Int] = [:]

    package init(states: StateDirectory, organizations: [Organization]) {
        self.states = states
        self.organizations = organizations
        var byKey: [String: Int] = [:]
        for (index, organization) in organizations.enumerated() {
            for name in organization.names {
                byKey[NameKey.of(name)] = byKey[NameKey.of(name)] ?? index
            }
        }
        self.organizationByKey = byKey
        for (key, index) in byKey { keysByLength[key.utf8.count, default: []].append(CloseCandidate(key, index)) }
        for (index, organization) in organizations.enumerated() {
            for name in organization.names { organizationByLookAlike[LookAlike.key(name)] = index }
        }
    }

    /// Makes an organization registered during this run findable by the notes that follow it.
    package mutating func learn(_ organization: Organization) {
        organizations.append(organization)
        for name in organization.names {
            let key = NameKey.of(name)
            if organizationByKey[key] == nil {
                organizationByKey[key] = organizations.count - 1
                keysByLength[key.utf8.count, default: []].append(CloseCandidate(key, organizations.count - 1))
            }
            let lookAlike = LookAlike.key(name)
            if organizationByLookAlike[lookAlike] == nil {
                organizationByLookAlike[lookAlike] = organizations.count - 1
            }
        }
    }

    /// The organization a name finds: by name, acronym or alias, or written "Name (ACRONYM)" as a note may write
    /// it and as a new organization is first typed ("Norwegian People's Aid (NPA)").
    package func organization(named name: String) -> Organization? {
        if let index = organizationByKey[NameKey.of(name)] { return organizations[index] }
        let typed = Organization.fromTyped(name, category: .civilSociety)
        guard typed.acronym != nil, let index = organizationByKey[NameKey.of(typed.name)] else { return nil }
        return organizations[index]
    }

    /// The State or known organization a name finds (States first: "AU" is Australia), or nil.
    package func find(_ name: String) -> Represented? {
        if let state = states.find(name) { return .state(state) }
        return organization(named: name).map { .organization($0) }
    }

    /// What rows of an import are grouped by: the State or known organization a typed name finds, else the name's
    /// key. "UG" and "Uganda" are one delegation, so rows naming it either way under one reference are one note.
    package func delegationKey(_ typed: String) -> String {
        switch find(typed.trimmed) {
        case .state(let state)?: return "state " + state.iso3
        case .organization(let organization)?, .newOrganization(let organization)?:
            return "organization " + NameKey.of(organization.name)
        case nil: return "name " + NameKey.of(typed)
        }
    }

    /// Resolves `typed`, with the category the user gave (if any) and the category a State has at the meeting,
    /// which opens on `day` (nil: no meeting; messages give States' names of today). A new organization whose name
    /// or acronym is close to a known one's, or whose name is close to a State's, is refused with that name, unless
    /// `confirmedNew` says it is new (see `closeOrganizations` and `closeStates`).
    package func resolve(
        _ typed: String, category given: Category?, stateCategory: (State) -> Category, on day: LocalDate?,
        field: FieldPath = .delegation, confirmedNew: Bool = false
    ) throws -> (represented: Represented, category: Category) {
        let name = typed.trimmed
        guard !name.isEmpty else { throw InputError("the delegation's name is empty", field: field) }
        try typed.checkedText("delegation's name", field: field)
        // Before any lookup: suggesting the nearest names of a very long one would take minutes.
        guard name.count <= 300 else {
            throw InputError("the delegation's name is longer than 300 characters", field: field)
        }
        switch find(name) {
        case .state(let state)?:
            let category = stateCategory(state)
            if let given, given != category {
                throw InputError(
                    "\(day.map(state.name(on:)) ?? state.name) is a State: its category at this meeting is \(category.rawValue), from the convention's records, and cannot be set to \(given.rawValue)",
                    field: field)
            }
            return (.state(state), category)
        case .organization(let organization)?, .newOrganization(let organization)?:
            if let given, given != organization.category {
                throw InputError(
                    "\(organization.name) is registered as \(organization.category.rawValue), not \(given.rawValue)",
                    field: field)
            }
            return (.organization(organization), organization.category)
        case nil:
            break
        }
        guard let given else {
            throw notFound(
                name, field: field, on: day,
                then:
                    "to register it as a new organization, give its category (international_organization or civil_society)"
            )
        }
        guard !given.isStateCategory else {
            throw states.notFound(name, field: field, on: day, suggesting: suggestions(for: name))
        }
        // A name given with an organization's category is a new organization's, even one that is part of some
        // States' names: the category says what the secretariat means.
        let organization = Organization.fromTyped(name, category: given)
        try refuseIfLookAlike(organization, typed: name, field: field)
        if !confirmedNew {
            try refuseIfClose(organization, typed: name)
            try refuseIfCloseToState(organization, typed: name)
        }
        return (.newOrganization(organization), given)
    }

    /// The error for a name that finds neither a State nor a known organization: "'Korea' is ambiguous: ..." when
    /// it could be several States (see `StateDirectory.lookup`), else "'Atlantis' is neither a State nor a known
    /// organization" with the nearest names and what follows from it, if anything.
    package func notFound(_ name: String, field: FieldPath?, on day: LocalDate?, then consequence: String? = nil)
        -> InputError
    {
        if case .ambiguous(let candidates) = states.lookup(name) {
            return StateDirectory.ambiguous(name, candidates, field: field, on: day)
        }
        return InputError(
            "'\(name)' is neither a State nor a known organization\(EditDistance.didYouMean(suggestions(for: name)))\(consequence.map { "; \($0)" } ?? "")",
            field: field)
    }

    package func suggestions(for name: String, limit: Int = 3) -> [String] {
        let candidates =
            states.nameCandidates
            + organizations.flatMap { organization in
                organization.names.map { (NameKey.of($0), organization.name) }
            }
        return EditDistance.nearest(to: name, among: candidates, limit: limit)
    }
}
