import MSPApplication
import MSPDomain

/// A meeting with its registration figures, as `msp meeting show --format json` writes it: the meeting's keys
/// (as in `meeting list`) and the figures beside them in one object.
struct MeetingShowDocument: Encodable, Equatable {
    var meeting: MeetingRow
    var figures: Figures

    struct Figures: Encodable, Equatable {
        var delegations: Int
        var participants: Int
        var notes: Int
        var lateNotes: Int

        enum CodingKeys: String, CodingKey, CaseIterable {
            case delegations, participants, notes
            case lateNotes = "late_notes"
        }
    }

    init(_ meeting: Meeting, figures: MeetingStatistics) {
        self.meeting = MeetingRow(meeting)
        self.figures = Figures(
            delegations: figures.delegations, participants: figures.participants,
            notes: figures.notes, lateNotes: figures.lateNotes)
    }

    /// One flat object: the meeting's keys, then the figures'.
    func encode(to encoder: any Encoder) throws {
        try meeting.encode(to: encoder)
        try figures.encode(to: encoder)
    }
}

/// `msp meeting show`: the meeting and its figures, for people or as JSON.
enum MeetingShowReport {
    static func render(_ m: Meeting, figures: MeetingStatistics, format: OutputFormat) throws -> String {
        guard format == .table else { return try Writers.document(MeetingShowDocument(m, figures: figures)) }
        return """
            \(m.code)  \(m.title)
            Convention:   \(m.convention)
            Venue:        \(m.venue ?? "—")
            Dates:        \(m.datesDescription) (\(m.opens) to \(m.closes))
            Time zone:    \(m.timeZone.identifier)
            Deadline:     \(MeetingText.deadline(m))
            Late notes:   \(m.undecidedLateNotes == .include ? "count until declined" : "count once accepted") (undecided: \(m.undecidedLateNotes.rawValue))
            Delegations:  \(figures.delegations) (\(figures.participants) participants)
            Notes:        \(figures.notes), of which \(figures.lateNotes) late (\(figures.lateNotesByStatus[.pending] ?? 0) awaiting a decision)

            """
    }
}
