import ArgumentParser
import Foundation
import MSPDomain

/// The formats of a document such as the list of participants.
public enum DocumentFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json, markdown, html
}

/// The list of participants in each format.
public enum RosterDocument {
    public static func render(_ roster: Roster, meeting: Meeting, format: DocumentFormat) throws -> String {
        switch format {
        case .table: return table(roster, meeting: meeting)
        case .csv: return try csv(roster)
        case .json: return try JSONOutput.render(json(roster, meeting: meeting))
        case .markdown: return markdown(roster, meeting: meeting)
        case .html: return RosterHTML.render(roster, meeting: meeting)
        }
    }

    static func heading(_ meeting: Meeting) -> [String] {
        [meeting.title, [meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", "), "List of participants"]
    }

    static func participantLine(_ p: Participant) -> String {
        var line = p.displayName
        if let function = p.function { line += ", \(function)" }
        if p.role == .head { line += " (head of delegation)" }
        return line
    }

    public static func table(_ roster: Roster, meeting: Meeting) -> String {
        var out = heading(meeting).joined(separator: "\n") + "\n"
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

    public static func csv(_ roster: Roster) throws -> String {
        var rows: [[String]] = []
        rows.reserveCapacity(roster.participantCount)
        for group in roster.groups {
            for delegation in group.delegations {
                if delegation.participants.isEmpty {
                    rows.append([group.category.rawValue, delegation.name, "", "", "", ""])
                }
                for p in delegation.participants {
                    rows.append([group.category.rawValue, delegation.name, p.role.rawValue, p.title ?? "", p.name, p.function ?? ""])
                }
            }
        }
        return try CSVOutput.render(header: ["category", "delegation", "role", "title", "name", "function"], rows: rows)
    }

    public static func json(_ roster: Roster, meeting: Meeting) -> [String: Any] {
        [
            "meeting": MeetingText.json(meeting),
            "groups": roster.groups.map { group in
                [
                    "category": group.category.rawValue,
                    "title": group.title,
                    "delegations": group.delegations.map { delegation in
                        [
                            "name": delegation.name,
                            "participants": delegation.participants.map { p in
                                ["role": p.role.rawValue, "title": p.title.orNull, "name": p.name, "function": p.function.orNull] as [String: Any]
                            },
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "delegation_count": roster.delegationCount,
            "participant_count": roster.participantCount,
        ]
    }

    public static func markdown(_ roster: Roster, meeting: Meeting) -> String {
        func md(_ text: String) -> String {
            var out = ""
            for char in text {
                if "\\`*_{}[]<>()#+-.!|".contains(char) { out.append("\\") }
                out.append(char)
            }
            return out
        }
        let head = heading(meeting)
        var out = "# \(md(head[0]))\n\n\(md(head[1]))\n\n## \(md(head[2]))\n"
        for group in roster.groups {
            out += "\n### \(md(group.title))\n"
            if group.delegations.isEmpty { out += "\nNone.\n" }
            for delegation in group.delegations {
                out += "\n**\(md(delegation.name))**\n\n"
                for p in delegation.participants {
                    out += "- \(md(participantLine(p)))\n"
                }
            }
        }
        return out
    }
}
