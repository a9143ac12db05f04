import Foundation
import MSPApplication
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
        let genders = Dictionary(uniqueKeysWithValues: stats.genderCounts.map { ($0.label, $0.count) })
        let channels = Dictionary(uniqueKeysWithValues: stats.channelCounts.map { ($0.label, $0.count) })
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
        return Workbook(sheets: [
            sheet("Summary", ["figure", "value"], summary),
            sheet("By category", ["category", "delegations", "participants"], categories),
            sheet(
                "By gender", ["gender", "participants", "share"],
                stats.genderCounts.map {
                    [
                        .text($0.label), .integer($0.count),
                        stats.participants == 0 ? .empty : .percent(Double($0.count) / Double(stats.participants)),
                    ]
                }),
            sheet(
                "Late notes", ["decision", "notes"],
                stats.lateNoteDecisionCounts.map { [.text($0.label), .integer($0.count)] }),
            sheet(
                "By channel", ["channel", "notes"], stats.channelCounts.map { [.text($0.label), .integer($0.count)] }),
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
        out += "\nParticipants by gender\n"
        out += TextTable.render(
            header: ["gender", "participants", "share"],
            rows: stats.genderCounts.map {
                [$0.label, String($0.count), MeetingStatistics.share($0.count, of: stats.participants)]
            })
        out += "\nNotes: \(stats.notes), of which late: \(stats.lateNotes)"
        if stats.lateNotes > 0 {
            let counts = stats.lateNoteDecisionCounts.map { "\($0.count) \($0.label)" }
            out += " (\(counts.joined(separator: ", ")))"
        }
        out += "\n"
        out += TextTable.render(
            header: ["channel", "notes"], rows: stats.channelCounts.map { [$0.label, String($0.count)] })
        return out
    }
}
