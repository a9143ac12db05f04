import ArgumentParser
import Foundation
import MSPDomain
import MSPApplication

extension MSP {
    /// `msp credentials record|report`: the credentials States present to the meeting.
    public struct Credentials: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "credentials", 
            abstract: "Record the credentials States present, and report them to the meeting.",
            subcommands: [Record.self, Report.self])

        public init() {}

        public struct Record: ParsableCommand {
            public static let configuration = CommandConfiguration(commandName: "record", 
                abstract: "Record credentials received for a State's delegation.",
                discussion: """
                    --kind original: formal credentials issued by the Head of State or Government or the Minister for \
                    Foreign Affairs; copy: a copy or other communication (fax, letter from the Minister); note-verbale: \
                    only a note verbale. The delegation must be a State registered for the meeting. The latest record \
                    (by time of receipt) counts; earlier ones stay in the history.

                    Example: msp credentials record --delegation Germany --kind original --received 2017-09-04T09:30
                    """)

            @OptionGroup public var database: DatabaseOptions
            @OptionGroup public var meetingOption: MeetingOption

            @Option(help: ArgumentHelp("The State: name, alias or ISO code.", valueName: "name"))
            public var delegation: String

            @Option(help: ArgumentHelp("original, copy or note-verbale.", valueName: "kind"))
            public var kind: KindArgument

            @Option(help: ArgumentHelp("When the credentials were received (as for msp register). Default: now.", valueName: "when"))
            public var received: String?

            public init() {}

            public enum KindArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
                case original, copy
                case noteVerbale = "note-verbale"

                var kind: CredentialKind {
                    switch self {
                    case .original: return .original
                    case .copy: return .copy
                    case .noteVerbale: return .noteVerbale
                    }
                }
            }

            public func run() throws {
                let request = CredentialsRequest(delegation: delegation, kind: kind.kind, receivedAt: received)
                let recorded = try database.withDesk { try $0.recordCredentials(request, meeting: meetingOption.meeting) }
                let meeting = recorded.meeting
                var text = "Recorded for \(recorded.delegation) at \(meeting.code): \(recorded.kind.description), received \(meeting.timeZone.format(recorded.receipt.instant))"
                if let previous = recorded.previous, recorded.counts { text += " (before: \(previous.argument))" }
                text += "."
                if !recorded.counts { text += "\nA record received later counts; this one stays in the history." }
                if recorded.category != .statesParties {
                    text += "\n\(recorded.delegation) is not a State Party at \(meeting.code) (\(recorded.category.rawValue)): the credentials report lists States Parties only."
                }
                print(text)
            }
        }

        public struct Report: ParsableCommand {
            public static let configuration = CommandConfiguration(commandName: "report", 
                abstract: "Report, for every registered State Party, what credentials it presented.",
                discussion: """
                    Four lists: formal credentials (original), a copy or communication (copy), only a note verbale \
                    (note_verbale), and nothing yet (missing). JSON: an object with these four lists of State names.

                    Example: msp credentials report --format json
                    """)

            @OptionGroup public var database: DatabaseOptions
            @OptionGroup public var meetingOption: MeetingOption

            @Option(help: "Output format: table, json or html.")
            public var format: ReportFormat = .table

            @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
            public var output: String?

            public init() {}

            public enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
                case table, json, html
            }

            public func run() throws {
                let (meeting, report) = try database.withDesk { try $0.credentialsReport(meeting: meetingOption.meeting) }
                let text: String
                switch format {
                case .json: text = try JSONOutput.render(CredentialsDocument.json(report, meeting: meeting))
                case .table: text = CredentialsDocument.table(report, meeting: meeting)
                case .html: text = CredentialsDocument.html(report, meeting: meeting)
                }
                try OutputTarget(path: output).write(text)
            }
        }
    }
}

/// The credentials report in its formats.
enum CredentialsDocument {
    static let sections: [(key: String, title: String, kind: CredentialKind?)] = [
        ("original", "States Parties that presented formal credentials", .original),
        ("copy", "States Parties that presented a copy of credentials or another communication", .copy),
        ("note_verbale", "States Parties that communicated by note verbale only", .noteVerbale),
        ("missing", "States Parties that have presented nothing yet", nil),
    ]

    static func names(_ report: CredentialsReport, _ kind: CredentialKind?) -> [String] {
        kind.map { report.list($0) } ?? report.missing
    }

    static func json(_ report: CredentialsReport, meeting: Meeting) -> [String: Any] {
        var object: [String: Any] = ["meeting": ["code": meeting.code, "title": meeting.title],
                                     "states_parties_registered": report.statesPartiesCount]
        for section in sections { object[section.key] = names(report, section.kind) }
        return object
    }

    static func table(_ report: CredentialsReport, meeting: Meeting) -> String {
        var out = "Credentials, \(meeting.code): \(report.statesPartiesCount) registered States Parties\n"
        for section in sections {
            let list = names(report, section.kind)
            out += "\n\(section.title) (\(list.count)):\n"
            out += list.isEmpty ? "  (none)\n" : list.map { "  \($0)\n" }.joined()
        }
        return out
    }

    static func html(_ report: CredentialsReport, meeting: Meeting) -> String {
        let e = HTML.escape
        let style = """
            @page { size: A4; margin: 20mm 18mm; }
            body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; max-width: 170mm; margin: 0 auto; padding: 10mm 0; }
            @media print { body { padding: 0; max-width: none; } }
            header { text-align: center; margin-bottom: 8mm; }
            h1 { font-size: 14pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm 0; break-after: avoid; }
            ul { columns: 3; column-gap: 8mm; margin: 0; padding-left: 5mm; }
            li { break-inside: avoid; }
            .none { font-style: italic; }
            """
        var out = """
            <header>
            <h1>\(e(meeting.title))</h1>
            <p>\(e([meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", ")))</p>
            <p><strong>Credentials</strong> — \(report.statesPartiesCount) registered States Parties</p>
            </header>

            """
        for section in sections {
            let list = names(report, section.kind)
            out += "<section id=\"\(section.key)\">\n<h2>\(e(section.title)) (\(list.count))</h2>\n"
            out += list.isEmpty ? "<p class=\"none\">None.</p>\n" : "<ul>\n" + list.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            out += "</section>\n"
        }
        return HTML.page(title: "\(meeting.code): Credentials", style: style, body: out)
    }
}

