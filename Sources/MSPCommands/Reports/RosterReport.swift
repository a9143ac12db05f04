import MSPDocuments
import MSPDomain
import MSPWorkbook

/// The list of participants as `msp export-roster --format json` writes it: the meeting, the five category groups
/// in order, each delegation with its participants (head first), and the counts.
struct RosterDocument: Encodable, Equatable {
    struct Group: Encodable, Equatable {
        /// `state_party` ...
        var category: String
        /// "States Parties" ...
        var title: String
        var delegations: [Delegation]
    }

    struct Delegation: Encodable, Equatable {
        var name: String
        var participants: [Participant]
    }

    struct Participant: Encodable, Equatable {
        /// `head`, `alternate` or `adviser`.
        var role: String
        /// The honorific ("H.E. Mr.").
        var title: String?
        var name: String
        var function: String?

        init(_ p: MSPDomain.Participant) {
            role = p.role.rawValue
            title = p.title
            name = p.name
            function = p.function
        }
    }

    var meeting: MeetingRow
    /// The masthead: title, symbol, distribution, date of issue, provisional, original language.
    var document: MastheadDocument
    var groups: [Group]
    var delegationCount: Int
    var participantCount: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case meeting, document, groups
        case delegationCount = "delegation_count"
        case participantCount = "participant_count"
    }

    init(_ roster: Roster, meeting: Meeting, masthead: Masthead) {
        self.meeting = MeetingRow(meeting)
        document = MastheadDocument(masthead, kind: .participants)
        groups = roster.groups.map { group in
            Group(
                category: group.category.rawValue, title: group.title,
                delegations: group.delegations.map { delegation in
                    Delegation(name: delegation.name, participants: delegation.participants.map(Participant.init))
                })
        }
        delegationCount = roster.delegationCount
        participantCount = roster.participantCount
    }
}

/// One participant of the list of participants as `msp export-roster --format csv` writes it: the document's
/// participant with its group's category and its delegation's name beside it. A delegation with no participant
/// is one row with the participant's cells empty.
struct RosterRow: ReportRow, Equatable {
    var category: String
    var delegation: String
    var role: String?
    var title: String?
    var name: String?
    var function: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case category, delegation, role, title, name, function
    }

    static func rows(_ roster: Roster) -> [RosterRow] {
        var rows: [RosterRow] = []
        rows.reserveCapacity(roster.participantCount)
        for group in roster.groups {
            for delegation in group.delegations {
                if delegation.participants.isEmpty {
                    rows.append(RosterRow(category: group.category.rawValue, delegation: delegation.name))
                }
                for p in delegation.participants {
                    rows.append(
                        RosterRow(
                            category: group.category.rawValue, delegation: delegation.name,
                            role: p.role.rawValue, title: p.title, name: p.name, function: p.function))
                }
            }
        }
        return rows
    }
}

/// `msp export-roster`: the list of participants for people (a text table, Markdown, an HTML page) or machines
/// (CSV, JSON).
enum RosterReport {
    /// The CSV carries no masthead: it is one row per participant under one header row, for spreadsheets and
    /// programs, and a line before the header (a "comment") is not part of RFC 4180: Excel and most readers would
    /// take it as the header or as data.
    static func write(
        _ roster: Roster, meeting: Meeting, masthead: Masthead = .unset, to output: OutputOptions<RosterFormats>
    ) throws {
        switch output.format {
        case .table: try output.write(table(roster, meeting: meeting, masthead: masthead))
        case .csv: try output.write(csv(roster))
        case .json, .ndjson:
            try output.write(Writers.document(RosterDocument(roster, meeting: meeting, masthead: masthead)))
        case .markdown: try output.write(markdown(roster, meeting: meeting, masthead: masthead))
        case .html: try output.write(RosterHTML.render(roster, meeting: meeting, masthead: masthead))
        case .pdf:
            try output.write(
                PrintedOutput.pdf { () throws(PrintError) in
                    try RosterPDF.render(roster, meeting: meeting, masthead: masthead)
                })
        case .xlsx: try output.write(workbook(roster, meeting: meeting, masthead: masthead))
        }
    }

    /// The workbook's columns: the CSV's but the category, which is a heading row above its delegations.
    static let workbookColumns = Array(RosterRow.columns.dropFirst())

    /// The list of participants as one sheet: the masthead and title at the top, then under the header each
    /// category as a heading row (every category, as the other formats show them, even one with no delegation)
    /// followed by its participants, one row each, with the CSV's cells but the category.
    static func workbook(_ roster: Roster, meeting: Meeting, masthead: Masthead) -> Workbook {
        var rows = WorkbookOutput.top(masthead, kind: .participants, meeting: meeting, columns: workbookColumns.count)
        rows.append(.header(workbookColumns))
        rows.reserveCapacity(rows.count + roster.participantCount + roster.groups.count * 2)
        for group in roster.groups {
            rows.append(MSPWorkbook.Row([.text(group.title)], style: .heading))
            for delegation in group.delegations {
                if delegation.participants.isEmpty { rows.append(MSPWorkbook.Row([.text(delegation.name)])) }
                for p in delegation.participants {
                    rows.append(
                        MSPWorkbook.Row(
                            [
                                .text(delegation.name), .text(p.role.rawValue), p.title.map(Cell.text) ?? .empty,
                                .text(p.name), p.function.map(Cell.text) ?? .empty,
                            ]))
                }
            }
        }
        return Workbook(sheets: [Worksheet(name: "List of participants", rows: rows)])
    }

    /// The CSV of `RosterRow`s, as UTF-8. A fast path: the cells go straight from the roster to `CSVOutput` (the
    /// same quoting and formula neutralizing) rather than through `Writers.rows` and the generic encoder, which
    /// builds a value tree per row, or through a `RosterRow` and an array of cells per participant. Measured on
    /// `bench/run`'s 100,000-participant database (release build, median of 9, alternating runs): 187 ms through
    /// `RosterRow`s, 321 ms through the generic encoder; bench/results.md has today's figure. `ReportRowTests`
    /// checks that this gives the generic writer's bytes.
    static func csv(_ roster: Roster) -> OutputBytes {
        // About 100 bytes a participant (98 in bench/run's roster): room for 128 spares the array a doubling and a copy.
        var out = OutputBytes(capacity: roster.participantCount * 128 + 4096)
        CSVOutput.append(RosterRow.columns, to: &out, neutralizing: false)
        for group in roster.groups {
            let category = group.category.rawValue
            for delegation in group.delegations {
                if delegation.participants.isEmpty {
                    CSVOutput.append([category, delegation.name, "", "", "", ""], to: &out)
                }
                for p in delegation.participants {
                    CSVOutput.appendCell(category, to: &out, first: true)
                    CSVOutput.appendCell(delegation.name, to: &out)
                    CSVOutput.appendCell(p.role.rawValue, to: &out)
                    CSVOutput.appendCell(p.title ?? "", to: &out)
                    CSVOutput.appendCell(p.name, to: &out)
                    CSVOutput.appendCell(p.function ?? "", to: &out)
                    CSVOutput.endRow(&out)
                }
            }
        }
        return out
    }

    static func heading(_ meeting: Meeting, masthead: Masthead) -> [String] {
        [
            meeting.title, [meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", "),
            masthead.title(.participants),
        ]
    }

    static func participantLine(_ p: Participant) -> String {
        var line = p.displayName
        if let function = p.function { line += ", \(function)" }
        if p.role == .head { line += " (Head of delegation)" }
        return line
    }

    static func table(_ roster: Roster, meeting: Meeting, masthead: Masthead) -> String {
        let top = MastheadDocument.lines(masthead)
        var out = top.isEmpty ? "" : top.joined(separator: "\n") + "\n\n"
        out += heading(meeting, masthead: masthead).joined(separator: "\n") + "\n"
        for group in roster.groups {
            out += "\n\(group.title.uppercased())\n"
            if group.delegations.isEmpty { out += "  (none)\n" }
            for delegation in group.delegations {
                out += "\n  \(delegation.name)\n"
                for participant in delegation.participants {
                    out += "    \(participantLine(participant))\n"
                }
            }
        }
        out += "\n\(roster.delegationCount) delegations, \(roster.participantCount) participants\n"
        return out
    }

    static func markdown(_ roster: Roster, meeting: Meeting, masthead: Masthead) -> String {
        let head = heading(meeting, masthead: masthead)
        var md = MarkdownWriter()
        let top = MastheadDocument.lines(masthead)
        if let symbol = masthead.symbol {
            md.strong(symbol)
            md.blankLine()
        }
        if !top.isEmpty {
            // Distribution, date, original: one line each (a hard line break between them).
            md.line(masthead.lines.joined(separator: "  \n"))
            md.blankLine()
        }
        md.heading(1, head[0])
        md.blankLine()
        md.line(head[1])
        md.blankLine()
        md.heading(2, head[2])
        for group in roster.groups {
            md.blankLine()
            md.heading(3, group.title)
            if group.delegations.isEmpty { md.raw("\nNone.\n") }
            for delegation in group.delegations {
                md.blankLine()
                md.strong(delegation.name)
                md.blankLine()
                for p in delegation.participants {
                    md.bullet(participantLine(p))
                }
            }
        }
        return md.text
    }
}
