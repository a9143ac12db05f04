import Foundation
import MSPDomain
import MSPWorkbook

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

    /// Participants by gender, in the order the tables show them, `unspecified` last.
    static func genderCounts(_ stats: MeetingStatistics) -> [(String, Int)] {
        Gender.allCases.map { ($0.rawValue, stats.participantsByGender[$0] ?? 0) }
            + [("unspecified", stats.participantsByGender[nil] ?? 0)]
    }

    /// Notes by channel, `unspecified` last.
    static func channelCounts(_ stats: MeetingStatistics) -> [(String, Int)] {
        Channel.allCases.map { ($0.rawValue, stats.notesByChannel[$0] ?? 0) }
            + [("unspecified", stats.notesByChannel[nil] ?? 0)]
    }

    /// The figures as a workbook, a sheet per table: the summary (the JSON's keys and values), participants and
    /// delegations by category (with the total), by gender (with the share, a percentage), late notes by decision,
    /// notes by channel.
    static func workbook(_ stats: MeetingStatistics, meeting: Meeting) -> Workbook {
        func sheet(_ name: String, _ header: [String], _ rows: [[Cell]]) -> Worksheet {
            Worksheet(name: name, rows: [.header(header)] + rows.map { MSPWorkbook.Row($0) })
        }
        let summary: [[Cell]] = [
            [.text("meeting"), .text(meeting.code)], [.text("title"), .text(meeting.title)],
            [.text("convention"), .text(meeting.convention)], [.text("opens"), WorkbookOutput.date(meeting.opens)],
            [.text("delegations"), .integer(stats.delegations)], [.text("participants"), .integer(stats.participants)],
            [.text("states_parties_registered"), .integer(stats.statesPartiesRegistered)],
            [.text("states_parties_total"), .integer(stats.statesPartiesTotal)],
            [.text("notes"), .integer(stats.notes)], [.text("late_notes"), .integer(stats.lateNotes)],
        ]
        let categories: [[Cell]] =
            Category.allCases.map {
                [
                    .text($0.title), .integer(stats.delegationsByCategory[$0] ?? 0),
                    .integer(stats.participantsByCategory[$0] ?? 0),
                ]
            } + [[.text("Total"), .integer(stats.delegations), .integer(stats.participants)]]
        let genders = genderCounts(stats)
        let decisions = [DecisionStatus.pending, .decided(.accepted), .decided(.declined)]
        let channels = channelCounts(stats)
        return Workbook(sheets: [
            sheet("Summary", ["figure", "value"], summary),
            sheet("By category", ["category", "delegations", "participants"], categories),
            sheet(
                "By gender", ["gender", "participants", "share"],
                genders.map { gender, count in
                    [
                        .text(gender), .integer(count),
                        stats.participants == 0 ? .empty : .percent(Double(count) / Double(stats.participants)),
                    ]
                }),
            sheet(
                "Late notes", ["decision", "notes"],
                decisions.map { [.text($0.description), .integer(stats.lateNotesByStatus[$0] ?? 0)] }),
            sheet("By channel", ["channel", "notes"], channels.map { [.text($0.0), .integer($0.1)] }),
        ])
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
        let genders = genderCounts(stats)
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
        let channels = channelCounts(stats)
        out += TextTable.render(header: ["channel", "notes"], rows: channels.map { [$0.0, String($0.1)] })
        return out
    }
}
