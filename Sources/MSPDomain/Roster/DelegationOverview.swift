/// One delegation registered for a meeting, as the secretariat surveys them all (`msp delegations`): its
/// category, how many participants its current composition lists, its first and latest note, whether any of its
/// notes is late, whether it is withdrawn, and the credentials it presented.
package struct DelegationOverview: Sendable, Equatable {
    /// A note as the overview sees it.
    package struct NoteFact: Sendable, Equatable {
        package var kind: NoteKind
        package var received: Instant
        package var precision: Receipt.Precision
        /// The newest decision on it, if any.
        package var decision: Decision?

        package init(kind: NoteKind, received: Instant, precision: Receipt.Precision, decision: Decision? = nil) {
            self.kind = kind
            self.received = received
            self.precision = precision
            self.decision = decision
        }
    }

    package var name: String
    /// The State's ISO 3166 alpha-3 code; nil for an organization.
    package var stateIso3: String?
    package var category: Category
    /// Participants of its current composition; 0 when it is withdrawn (it is not on the list of participants).
    package var participants: Int
    package var firstNote: NoteFact
    package var latestNote: NoteFact
    /// How many of its notes (registrations and amendments) arrived after the deadline, as `list-late` lists them.
    package var lateNotes: Int
    /// Of those, how many await a decision, were accepted, were declined.
    package var latePending: Int
    package var lateAccepted: Int
    package var lateDeclined: Int
    package var withdrawn: Bool
    /// The kind of its latest credentials record (by receipt, then recording), nil when it presented none.
    package var credentials: CredentialKind?

    package var isLate: Bool { lateNotes > 0 }

    /// The overview of a delegation from its notes (at least one), oldest or newest in any order.
    package init(
        name: String, stateIso3: String?, category: Category, compositionParticipants: Int, withdrawn: Bool,
        notes: [NoteFact], deadline: Deadline, credentials: CredentialKind?
    ) {
        precondition(!notes.isEmpty, "a registered delegation has sent a note")
        let ordered = notes.enumerated().sorted { ($0.element.received, $0.offset) < ($1.element.received, $1.offset) }
        self.name = name
        self.stateIso3 = stateIso3
        self.category = category
        self.participants = withdrawn ? 0 : compositionParticipants
        self.firstNote = ordered.first!.element
        self.latestNote = ordered.last!.element
        let late = notes.filter { LateNote.needsDecision(kind: $0.kind, received: $0.received, deadline: deadline) }
        self.lateNotes = late.count
        self.latePending = late.filter { $0.decision == nil }.count
        self.lateAccepted = late.filter { $0.decision == .accepted }.count
        self.lateDeclined = late.filter { $0.decision == .declined }.count
        self.withdrawn = withdrawn
        self.credentials = credentials
    }

    /// In the order of the list of participants: by category, then by name without case or diacritics.
    package static func ordered(_ delegations: [DelegationOverview]) -> [DelegationOverview] {
        let position = Dictionary(uniqueKeysWithValues: Category.allCases.enumerated().map { ($1, $0) })
        // Each name's sort key once, not twice per comparison (a COP-scale meeting's 2,500 delegations made 60,000).
        return delegations.map { ($0, position[$0.category]!, NameKey.sortKey($0.name)) }
            .sorted { ($0.1, $0.2, $0.0.name) < ($1.1, $1.2, $1.0.name) }
            .map(\.0)
    }
}

/// A State Party or signatory State on a meeting's opening day that has no delegation on the list of participants:
/// it sent no note, or its delegation withdrew. The universalization and participation work starts from this list.
package struct AbsentState: Sendable, Equatable {
    package enum Reason: String, Sendable, Equatable {
        /// No note was received from it for the meeting.
        case notRegistered = "not_registered"
        /// It registered, then withdrew.
        case withdrawn
    }

    package var name: String
    package var iso3: String
    /// `statesParties` or `signatoryStates`.
    package var category: Category
    package var reason: Reason

    package init(name: String, iso3: String, category: Category, reason: Reason) {
        self.name = name
        self.iso3 = iso3
        self.category = category
        self.reason = reason
    }

    /// The convention's States Parties and signatory States on the opening day that have no delegation on the list,
    /// States Parties first, each group by name without case or diacritics. `delegations` are the meeting's, by
    /// State; `name` gives a State's name from its code.
    package static func list(
        membership: TreatyMembership, meeting: Meeting, delegations: [DelegationOverview],
        name: (String) -> String
    ) -> [AbsentState] {
        var withdrawn = Set<String>()
        var present = Set<String>()
        for delegation in delegations {
            guard let iso3 = delegation.stateIso3 else { continue }
            if delegation.withdrawn { withdrawn.insert(iso3) } else { present.insert(iso3) }
        }
        func absent(_ records: [MembershipRecord], _ category: Category) -> [AbsentState] {
            records.filter { !present.contains($0.iso3) }.map { record in
                AbsentState(
                    name: name(record.iso3), iso3: record.iso3, category: category,
                    reason: withdrawn.contains(record.iso3) ? .withdrawn : .notRegistered)
            }.sorted { (NameKey.sortKey($0.name), $0.name) < (NameKey.sortKey($1.name), $1.name) }
        }
        return absent(membership.parties(on: meeting.opens), .statesParties)
            + absent(membership.signatories(on: meeting.opens), .signatoryStates)
    }
}
