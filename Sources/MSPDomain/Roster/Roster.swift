/// The list of participants: grouped by category in the order of the rules of procedure; within a group,
/// delegations alphabetically by their English name compared without case or diacritics; within a
/// delegation, the head, then alternates, then advisers, each in the order the note gave them.
/// Withdrawn delegations are not on it.
public struct Roster: Sendable, Equatable {
    public struct Delegation: Sendable, Equatable {
        public var name: String
        public var category: Category
        public var participants: [Participant]

        public init(name: String, category: Category, participants: [Participant]) {
            self.name = name
            self.category = category
            self.participants = participants
        }
    }

    public struct Group: Sendable, Equatable {
        public var category: Category
        public var delegations: [Delegation]

        public var title: String { category.title }
    }

    /// Always the five groups, in order; a group with no delegation is empty.
    public var groups: [Group]

    public init(_ delegations: [Delegation]) {
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

    public var participantCount: Int {
        groups.reduce(0) { $0 + $1.delegations.reduce(0) { $0 + $1.participants.count } }
    }
    public var delegationCount: Int { groups.reduce(0) { $0 + $1.delegations.count } }
}

/// A note received after the deadline, as the secretariat's list of late submissions shows it.
public struct LateNote: Sendable, Equatable {
    public var delegation: String
    public var category: Category
    public var reference: String?
    public var kind: NoteKind
    public var received: Instant
    public var receivedPrecision: Receipt.Precision
    public var channel: Channel?
    public var lateness: Lateness
    /// The note's number, by which the secretariat decides on it.
    public var number: Int64
    /// The newest decision on it, if any.
    public var decision: DecisionTaken?

    /// Pending until decided.
    public var status: DecisionStatus { decision.map { .decided($0.outcome) } ?? .pending }

    public init(
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
    public static func needsDecision(kind: NoteKind, received: Instant, deadline: Deadline) -> Bool {
        kind != .withdrawal && deadline.isLate(received)
    }

    /// Oldest first; notes received at the same second by delegation name.
    public static func ordered(_ notes: [LateNote]) -> [LateNote] {
        // Each name's sort key once, not once per comparison (it folds case and diacritics): a tenth of list-late.
        notes.map { ($0, NameKey.sortKey($0.delegation)) }
            .sorted { ($0.0.received, $0.1) < ($1.0.received, $1.1) }
            .map(\.0)
    }
}
