/// The secretariat's decision on a late note.
package enum Decision: String, CaseIterable, Sendable, Codable {
    case accepted, declined
}

/// Where a late note stands: awaiting a decision, accepted or declined.
package enum DecisionStatus: Hashable, Sendable, CustomStringConvertible {
    case pending
    case decided(Decision)

    /// `pending`, `accepted`, `declined`.
    package var description: String {
        switch self {
        case .pending: return "pending"
        case .decided(let decision): return decision.rawValue
        }
    }
}

/// What a meeting does with a late note that awaits a decision: the secretariat's choice for the meeting.
package enum UndecidedLateNotes: String, CaseIterable, Sendable, Codable {
    /// It counts in the list of participants until declined (most secretariats; the default).
    case include
    /// It counts only once accepted (a strict secretariat).
    case hold

    /// Whether a note counts for its delegation's composition: a note on time or a withdrawal always does; a late
    /// note once accepted does, once declined never does, and while pending as the meeting chose.
    package func counts(kind: NoteKind, received: Instant, deadline: Deadline, decision: Decision?) -> Bool {
        guard LateNote.needsDecision(kind: kind, received: received, deadline: deadline) else { return true }
        switch decision {
        case .accepted?: return true
        case .declined?: return false
        case nil: return self == .include
        }
    }

    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> UndecidedLateNotes {
        if let value = UndecidedLateNotes(rawValue: raw.trimmed.lowercased()) { return value }
        throw InputError("'\(raw)' is not a choice for late notes awaiting a decision: include or hold", field: field)
    }
}

/// A decision taken: by whom, when, and why.
package struct DecisionTaken: Hashable, Sendable {
    package var outcome: Decision
    package var by: String
    package var at: Instant
    package var reason: String

    package init(outcome: Decision, by: String, at: Instant, reason: String) {
        self.outcome = outcome
        self.by = by
        self.at = at
        self.reason = reason
    }
}

extension DecisionTaken {
    /// "accepted by j.dupont, 2017-08-25T10:00:00+02:00: Delayed by the pouch", for people, in the venue's time.
    package func summary(in zone: VenueTimeZone) -> String {
        "\(outcome.rawValue) by \(by), \(zone.format(at)): \(reason)"
    }
}
