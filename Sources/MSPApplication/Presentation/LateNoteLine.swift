import MSPDomain

/// A late note as people read it, worded once for every front end: the rows of `msp list-late`'s table and of the
/// portal's late-notes page are these lines.
///
/// CSV, JSON and the workbook keep the note's own fields (`LateNoteRow` in MSPCommands); this is the line for
/// people: the receipt "(date only)" when only its day is known, how late in words, the category by its title, and
/// the decision with who took it, when and why.
package struct LateNoteLine: Sendable, Equatable {
    /// The columns, in order, as the command line heads them.
    package static let columns = [
        "note", "received_at", "late_by", "delegation", "category", "kind", "reference", "channel", "decision",
    ]
    /// The same columns as the portal's page heads them.
    package static let headings = [
        "Note", "Received", "Late by", "Delegation", "Category", "Kind", "Reference", "Channel", "Decision",
    ]

    package var note: String
    package var received: String
    /// "2 days 9 hours", "1 day (date only)".
    package var lateBy: String
    package var delegation: String
    /// The category's title, as the list of participants heads it.
    package var category: String
    package var kind: String
    package var reference: String
    package var channel: String
    /// "pending", or "accepted by clerk, 2017-08-21 10:00 (Geneva): reason".
    package var decision: String
    /// Whether the note still awaits its decision.
    package var isPending: Bool

    /// The cells in the order of `columns`.
    package var cells: [String] {
        [note, received, lateBy, delegation, category, kind, reference, channel, decision]
    }

    package init(_ note: LateNote, zone: VenueTimeZone) {
        self.note = String(note.number)
        received = zone.format(note.received, precision: note.receivedPrecision)
        lateBy = note.lateness.description
        delegation = note.delegation
        category = note.category.title
        kind = note.kind.rawValue
        reference = note.reference ?? ""
        channel = note.channel?.rawValue ?? ""
        decision = note.decision.map { $0.summary(in: zone) } ?? "pending"
        isPending = note.decision == nil
    }
}
