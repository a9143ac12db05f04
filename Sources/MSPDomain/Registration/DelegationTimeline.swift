/// What a delegation's notes add up to. The first note (by time of receipt) registers the delegation, later
/// ones amend it; the newest note that lists participants gives the composition; a withdrawal newer than
/// any registration or amendment takes the delegation off the list. Nothing is ever deleted.
///
/// A note that does not count (a declined late note; a pending one at a meeting that holds them) keeps its kind but
/// changes neither the composition nor whether the delegation is withdrawn. Voided notes are not entries at all.
package struct DelegationTimeline: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var id: Int64
        package var received: Instant
        package var isWithdrawal: Bool
        package var participantCount: Int
        /// Whether the note counts for the composition (see `UndecidedLateNotes.counts`).
        package var counts: Bool

        package init(id: Int64, received: Instant, isWithdrawal: Bool, participantCount: Int, counts: Bool = true) {
            self.id = id
            self.received = received
            self.isWithdrawal = isWithdrawal
            self.participantCount = participantCount
            self.counts = counts
        }
    }

    /// Each note's kind, by id.
    package var kinds: [Int64: NoteKind]
    /// The note whose participants are the delegation's composition, if any note listed participants.
    package var compositionNote: Int64?
    package var isWithdrawn: Bool

    package init(_ entries: [Entry]) {
        let ordered = entries.sorted { ($0.received, $0.id) < ($1.received, $1.id) }
        var kinds: [Int64: NoteKind] = [:]
        var registered = false
        var composition: Int64?
        var withdrawn = false
        for entry in ordered {
            if entry.isWithdrawal {
                kinds[entry.id] = .withdrawal
                if entry.counts { withdrawn = true }
                continue
            }
            kinds[entry.id] = registered ? .amendment : .registration
            registered = true
            guard entry.counts else { continue }
            withdrawn = false
            if entry.participantCount > 0 { composition = entry.id }
        }
        self.kinds = kinds
        self.compositionNote = composition
        self.isWithdrawn = withdrawn
    }
}
