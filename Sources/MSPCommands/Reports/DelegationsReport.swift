import MSPApplication
import MSPDomain

/// A delegation as `msp delegations` writes it in every format.
struct DelegationRow: ReportRow, Equatable {
    var delegation: String
    var category: String
    /// Participants of its current composition (0 when withdrawn).
    var participants: Int
    /// When its first and latest notes were received, with the meeting's offset; `*_precision` is `date` when only
    /// the day is known.
    var firstNoteAt: String
    var firstNotePrecision: String
    var latestNoteAt: String
    var latestNotePrecision: String
    /// `registration`, `amendment` or `withdrawal`.
    var latestNoteKind: String
    /// Whether any of its registrations or amendments arrived after the deadline (`list-late` lists them).
    var late: Bool
    var lateNotes: Int
    /// Of its late notes, how many await a decision, were accepted, were declined.
    var latePending: Int
    var lateAccepted: Int
    var lateDeclined: Int
    var withdrawn: Bool
    /// Its latest credentials: `original`, `copy`, `note_verbale`, or null.
    var credentials: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delegation, category, participants
        case firstNoteAt = "first_note_at"
        case firstNotePrecision = "first_note_precision"
        case latestNoteAt = "latest_note_at"
        case latestNotePrecision = "latest_note_precision"
        case latestNoteKind = "latest_note_kind"
        case late
        case lateNotes = "late_notes"
        case latePending = "late_pending"
        case lateAccepted = "late_accepted"
        case lateDeclined = "late_declined"
        case withdrawn, credentials
    }

    init(_ delegation: DelegationOverview, zone: VenueTimeZone) {
        self.delegation = delegation.name
        category = delegation.category.rawValue
        participants = delegation.participants
        firstNoteAt = zone.format(delegation.firstNote.received)
        firstNotePrecision = delegation.firstNote.precision.rawValue
        latestNoteAt = zone.format(delegation.latestNote.received)
        latestNotePrecision = delegation.latestNote.precision.rawValue
        latestNoteKind = delegation.latestNote.kind.rawValue
        late = delegation.isLate
        lateNotes = delegation.lateNotes
        latePending = delegation.latePending
        lateAccepted = delegation.lateAccepted
        lateDeclined = delegation.lateDeclined
        withdrawn = delegation.withdrawn
        credentials = delegation.credentials?.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(delegation, forKey: .delegation)
        try c.encode(category, forKey: .category)
        try c.encode(participants, forKey: .participants)
        try c.encode(firstNoteAt, forKey: .firstNoteAt)
        try c.encode(firstNotePrecision, forKey: .firstNotePrecision)
        try c.encode(latestNoteAt, forKey: .latestNoteAt)
        try c.encode(latestNotePrecision, forKey: .latestNotePrecision)
        try c.encode(latestNoteKind, forKey: .latestNoteKind)
        try c.encode(late, forKey: .late)
        try c.encode(lateNotes, forKey: .lateNotes)
        try c.encode(latePending, forKey: .latePending)
        try c.encode(lateAccepted, forKey: .lateAccepted)
        try c.encode(lateDeclined, forKey: .lateDeclined)
        try c.encode(withdrawn, forKey: .withdrawn)
        try c.encode(credentials, forKey: .credentials)
    }
}

/// `msp delegations`: rows for machines; for people, a table under a line naming the meeting.
enum DelegationsReport {
    static func render(_ delegations: [DelegationOverview], meeting: Meeting, format: OutputFormat) throws -> String {
        guard format == .table else {
            return try Writers.rows(delegations.map { DelegationRow($0, zone: meeting.timeZone) }, as: format)
        }
        let header = "Delegations registered for \(meeting.code): \(delegations.count)\n"
        guard !delegations.isEmpty else { return header + "(none)\n" }
        return header + table(delegations, zone: meeting.timeZone)
    }

    /// The lines people read (`DelegationLine`, the portal's page shows the same), as a table.
    static func table(_ delegations: [DelegationOverview], zone: VenueTimeZone) -> String {
        TextTable.render(
            header: DelegationLine.columns, rows: delegations.map { DelegationLine($0, zone: zone).cells })
    }
}

/// A State Party or signatory State absent from a meeting, as `msp absent-states` writes it.
struct AbsentStateRow: ReportRow, Equatable {
    var state: String
    var iso3: String
    /// `state_party` or `signatory_state`.
    var category: String
    /// `not_registered` or `withdrawn`.
    var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case state, iso3, category, reason
    }

    init(_ state: AbsentState) {
        self.state = state.name
        iso3 = state.iso3
        category = state.category.rawValue
        reason = state.reason.rawValue
    }
}

/// `msp absent-states`: rows for machines; for people, a table under a line with the counts.
enum AbsentStatesReport {
    static func render(_ states: [AbsentState], meeting: Meeting, format: OutputFormat) throws -> String {
        let rows = states.map(AbsentStateRow.init)
        guard format == .table else { return try Writers.rows(rows, as: format) }
        let parties = states.filter { $0.category == .statesParties }.count
        let header =
            "Absent from \(meeting.code) on \(meeting.opens.longDescription): \(parties) States Parties and \(states.count - parties) signatory States\n"
        guard !rows.isEmpty else { return header + "(none)\n" }
        return header + (try Writers.rows(rows, as: .table))
    }
}

/// A participant found by `msp find-person`.
struct PersonRow: ReportRow, Equatable {
    var delegation: String
    var category: String
    /// `head`, `alternate` or `adviser`.
    var role: String
    var title: String?
    var name: String
    var function: String?
    /// The note whose composition lists the participant, and its place in it: `msp correct NOTE --participant N`.
    var note: Int64?
    var participant: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case note, participant, delegation, category, role, title, name, function
    }

    init(_ found: PersonFound) {
        delegation = found.delegation
        category = found.category.rawValue
        role = found.participant.role.rawValue
        title = found.participant.title
        name = found.participant.name
        function = found.participant.function
        note = found.note
        participant = found.position
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(note, forKey: .note)
        try c.encode(participant, forKey: .participant)
        try c.encode(delegation, forKey: .delegation)
        try c.encode(category, forKey: .category)
        try c.encode(role, forKey: .role)
        try c.encode(title, forKey: .title)
        try c.encode(name, forKey: .name)
        try c.encode(function, forKey: .function)
    }
}

enum PersonReport {
    static func render(_ found: [PersonFound], query: String, meeting: Meeting, format: OutputFormat) throws -> String {
        let rows = found.map(PersonRow.init)
        guard format == .table else { return try Writers.rows(rows, as: format) }
        let header = "'\(query)' in the list of participants of \(meeting.code): \(found.count) found\n"
        guard !rows.isEmpty else { return header + "(none)\n" }
        return header + (try Writers.rows(rows, as: .table))
    }
}
