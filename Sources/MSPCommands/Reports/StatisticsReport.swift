import Foundation
import MSPDomain

/// A meeting's figures as `msp stats --format json` writes them.
struct StatisticsDocument: Encodable, Equatable {
    struct MeetingRef: Encodable, Equatable {
        var code: String
        var title: String
        var convention: String
        var opens: String
    }

    var meeting: MeetingRef
    var delegations: Int
    var participants: Int
    /// Keyed by category (`state_party` ...), every category present.
    var delegationsByCategory: [String: Int]
    var participantsByCategory: [String: Int]
    var statesPartiesRegistered: Int
    var statesPartiesTotal: Int
    /// `female`, `male`, `other`, `unspecified`.
    var participantsByGender: [String: Int]
    var notes: Int
    var lateNotes: Int
    /// `pending`, `accepted`, `declined`.
    var lateNotesByDecision: [String: Int]
    /// `email`, `post`, `hand`, `fax`, `unspecified`.
    var notesByChannel: [String: Int]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case meeting, delegations, participants
        case delegationsByCategory = "delegations_by_category"
        case participantsByCategory = "participants_by_category"
        case statesPartiesRegistered = "states_parties_registered"
        case statesPartiesTotal = "states_parties_total"
        case participantsByGender = "participants_by_gender"
        case notes
        case lateNotes = "late_notes"
        case lateNotesByDecision = "late_notes_by_decision"
        case notesByChannel = "notes_by_channel"
    }

    init(_ stats: MeetingStatistics, meeting: Meeting) {
        func byCategory(_ counts: [Category: Int]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
        }
        var genders: [String: Int] = ["unspecified": stats.participantsByGender[nil] ?? 0]
        for gender in Gender.allCases { genders[gender.rawValue] = stats.participantsByGender[gender] ?? 0 }
        var channels: [String: Int] = ["unspecified": stats.notesByChannel[nil] ?? 0]
        for channel in Channel.allCases { channels[channel.rawValue] = stats.notesByChannel[channel] ?? 0 }
        self.meeting = MeetingRef(
            code: meeting.code, title: meeting.title, convention: meeting.convention,
            opens: meeting.opens.description)
        delegations = stats.delegations
        participants = stats.participants
        delegationsByCategory = byCategory(stats.delegationsByCategory)
        participantsByCategory = byCategory(stats.participantsByCategory)
        statesPartiesRegistered = stats.statesPartiesRegistered
        statesPartiesTotal = stats.statesPartiesTotal
        participantsByGender = genders
        notes = stats.notes
        lateNotes = stats.lateNotes
        lateNotesByDecision = Dictionary(
            uniqueKeysWithValues: stats.lateNotesByStatus.map { ($0.key.description, $0.value) })
        notesByChannel = channels
    }
}

/// `msp stats`: the figures for people (three tables), or as JSON.
enum StatisticsReport {
    static func render(_ stats: MeetingStatistics, meeting: Meeting, format: OutputFormat) throws -> String {
        guard format == .table else { return try Writers.document(StatisticsDocument(stats, meeting: meeting)) }
        return table(stats, meeting: meeting)
    }

    static func table(_ stats: MeetingStatistics, meeting: Meeting) -> String {
        var out = "\(meeting.code): \(meeting.title)\n"
        out +=
            "States Parties registered: \(stats.statesPartiesDescription) (the \(meeting.convention)'s States Parties on \(meeting.opens.longDescription))\n\n"
        out += TextTable.render(
            header: ["category", "delegations", "participants"],
            rows: Category.allCases.map {
                [$0.title, String(stats.delegationsByCategory[$0] ?? 0), String(stats.participantsByCategory[$0] ?? 0)]
            }
                + [["Total", String(stats.delegations), String(stats.participants)]])
        func share(_ count: Int, of total: Int) -> String {
            total == 0 ? "" : String(format: "%.0f%%", Double(count) * 100 / Double(total))
        }
        out += "\nParticipants by gender\n"
        let genders: [(String, Int)] =
            Gender.allCases.map { ($0.rawValue, stats.participantsByGender[$0] ?? 0) }
            + [("unspecified", stats.participantsByGender[nil] ?? 0)]
        out += TextTable.render(
            header: ["gender", "participants", "share"],
            rows: genders.map { [$0.0, String($0.1), share($0.1, of: stats.participants)] })
        out += "\nNotes: \(stats.notes), of which late: \(stats.lateNotes)"
        if stats.lateNotes > 0 {
            let counts = [DecisionStatus.pending, .decided(.accepted), .decided(.declined)].map {
                "\(stats.lateNotesByStatus[$0] ?? 0) \($0)"
            }
            out += " (\(counts.joined(separator: ", ")))"
        }
        out += "\n"
        let channels: [(String, Int)] =
            Channel.allCases.map { ($0.rawValue, stats.notesByChannel[$0] ?? 0) }
            + [("unspecified", stats.notesByChannel[nil] ?? 0)]
        out += TextTable.render(header: ["channel", "notes"], rows: channels.map { [$0.0, String($0.1)] })
        return out
    }
}
