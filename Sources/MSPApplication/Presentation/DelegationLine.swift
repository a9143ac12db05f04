import MSPDomain

/// A registered delegation as people read it, worded once for every front end: the rows of `msp delegations`'s
/// table and of the portal's delegations page are these lines (the page adds the focal point's column).
///
/// CSV, JSON and the workbook keep the delegation's own fields (`DelegationRow` in MSPCommands).
package struct DelegationLine: Sendable, Equatable {
    /// The columns, in order, as the command line heads them.
    package static let columns = [
        "delegation", "category", "participants", "standing", "first_note_at", "latest_note_at", "late_notes",
        "credentials",
    ]
    /// The same columns as the portal's page heads them.
    package static let headings = [
        "Delegation", "Category", "Participants", "Standing", "First note", "Latest note", "Late notes", "Credentials",
    ]

    package var delegation: String
    /// The category's title, as the list of participants heads it.
    package var category: String
    package var participants: String
    /// "registered" or "withdrawn".
    package var standing: String
    /// "2017-08-10 (date only)".
    package var firstNote: String
    /// "2017-08-17 14:02 (amendment)".
    package var latestNote: String
    /// Empty when none was late; else "2: 1 pending, 1 accepted, 0 declined".
    package var lateNotes: String
    /// "formal credentials (original)", ..., empty when it presented none.
    package var credentials: String
    package var isWithdrawn: Bool

    /// The cells in the order of `columns`.
    package var cells: [String] {
        [delegation, category, participants, standing, firstNote, latestNote, lateNotes, credentials]
    }

    package init(_ overview: DelegationOverview, zone: VenueTimeZone) {
        delegation = overview.name
        category = overview.category.title
        participants = String(overview.participants)
        standing = overview.withdrawn ? "withdrawn" : "registered"
        firstNote = zone.format(overview.firstNote.received, precision: overview.firstNote.precision)
        latestNote =
            zone.format(overview.latestNote.received, precision: overview.latestNote.precision)
            + " (\(overview.latestNote.kind.rawValue))"
        lateNotes =
            overview.isLate
            ? "\(overview.lateNotes): \(overview.latePending) pending, \(overview.lateAccepted) accepted, "
                + "\(overview.lateDeclined) declined" : ""
        credentials = overview.credentials?.description ?? ""
        isWithdrawn = overview.withdrawn
    }

    /// A delegation that has a focal point but has sent no note yet (one to remind): its name and standing only.
    package init(notRegisteredYet name: String) {
        delegation = name
        category = ""
        participants = ""
        standing = "not registered yet"
        firstNote = ""
        latestNote = ""
        lateNotes = ""
        credentials = ""
        isWithdrawn = false
    }
}
