/// The list of participants: grouped by category in the order of the rules of procedure; within a group,
/// delegations alphabetically by their English name compared without case or diacritics; within a
/// delegation, the head, then alternates, then advisers, each in the order the note gave them.
/// Withdrawn delegations are not on it.
package struct Roster: Sendable, Equatable {
    package struct Delegation: Sendable, Equatable {
        package var name: String
        package var category: Category
        package var participants: [Participant]

        package init(name: String, category: Category, participants: [Participant]) {
            self.name = name
            self.category = category
            self.participants = participants
        }
    }

    package struct Group: Sendable, Equatable {
        package var category: Category
        package var delegations: [Delegation]

        package var title: String { category.title }
    }

    /// Always the five groups, in order; a group with no delegation is empty.
    package var groups: [Group]

    package init(_ delegations: [Delegation]) {
        var byCategory: [Category: [(key: String, delegation: Delegation)]] = [:]
        for delegation in delegations {
            var ordered = delegation
            ordered.participants = Participant.rosterOrder(delegation.participants)
            byCategory[delegation.category, default: []].append((NameKey.sortKey(delegation.name), ordered))
        }
        groups = Category.allCases.map { category in
            let members = (byCategory[category] ?? []).sorted {
                ($0.key, $0.delegation.name) < ($1.key, $1.delegation.name)
            }
            return Group(category: category, delegations: members.map(\.delegation))
        }
    }

    package var participantCount: Int {
        groups.reduce(0) { $0 + $1.delegations.reduce(0) { $0 + $1.participants.count } }
    }
    package var delegationCount: Int { groups.reduce(0) { $0 + $1.delegations.count } }
}

/// A note received after the deadline, as the secretariat's list of late submissions shows it.
package struct LateNote: Sendable, Equatable {
    package var delegation: String
    package var category: Category
    package var reference: String?
    package var kind: NoteKind
    package var received: Instant
    package var receivedPrecision: Receipt.Precision
    package var channel: Channel?
    package var lateness: Lateness
    /// The note's number, by which the secretariat decides on it.
    package var number: Int64
    /// The newest decision on it, if any.
    package var decision: DecisionTaken?

    /// Pending until decided.
    package var status: DecisionStatus { decision.map { .decided($0.outcome) } ?? .pending }

    package init(
        delegation: String, category: Category, reference: String?, kind: NoteKind, received: Instant,
        receivedPrecision: Receipt.Precision, channel: Channel?, lateness: Lateness, number: Int64 = 0,
        decision: DecisionTaken? = nil
    ) {
        self.number = number
        self.decision = decision
        self.delegation = delegation
        self.category = category
        self.reference = reference
        self.kind = kind
        self.received = received
        self.receivedPrecision = receivedPrecision
        self.channel = channel
        self.lateness = lateness
    }

    /// Whether a note is on the list of late submissions: received after the deadline, and not a withdrawal (a late
    /// withdrawal needs no decision). The one rule for `list-late`, the figures and the import's count.
    package static func needsDecision(kind: NoteKind, received: Instant, deadline: Deadline) -> Bool {
        kind != .withdrawal && deadline.isLate(received)
    }

    /// Oldest first; notes received at the same second by delegation name.
    package static func ordered(_ notes: [LateNote]) -> [LateNote] {
        // Each name's sort key once, not once per comparison (it folds case and diacritics): a tenth of list-late.
        notes.map { ($0, NameKey.sortKey($0.delegation)) }
            .sorted { ($0.0.received, $0.1) < ($1.0.received, $1.1) }
            .map(\.0)
    }
}
