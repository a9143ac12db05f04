import CSV
import Foundation
import MSPDocuments
import MSPDomain
import Testing

@testable import MSPCommands

/// The writers escape by construction, whatever a report puts in a row.
@Suite struct WriterTests {
    struct Row: ReportRow {
        var name: String
        var note: String?
        var count: Int
        var late: Bool

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, note, count, late
        }
    }

    static let hostile = [
        Row(name: "=HYPERLINK(\"http://x\",\"y\")", note: "a,b\r\nc", count: 1, late: true),
        Row(name: "<script>alert(1)</script> & 'Zoë'", note: nil, count: -2, late: false),
        Row(name: "tab\there \\ back\u{1}slash", note: "+SUM(1,2)", count: 0, late: false),
    ]

    @Test func csvQuotesAndNeutralizesEveryCell() throws {
        let text = try Writers.rows(Self.hostile, as: .csv)
        #expect(text.hasPrefix("name,note,count,late\r\n"))
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        #expect(reader.headerRow == ["name", "note", "count", "late"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if rows.last == [""] { rows.removeLast() }
        #expect(
            rows == [
                ["'=HYPERLINK(\"http://x\",\"y\")", "a,b\r\nc", "1", "true"],
                ["<script>alert(1)</script> & 'Zoë'", "", "'-2", "false"],
                ["tab\there \\ back\u{1}slash", "'+SUM(1,2)", "0", "false"],
            ])
    }

    @Test func jsonAndNDJSONAlwaysParseAndGiveTheTextBack() throws {
        let json = try Writers.rows(Self.hostile, as: .json)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.map { $0["name"] as? String } == Self.hostile.map(\.name))
        #expect(array[1]["note"] is NSNull, "a nil optional is null, not left out")
        #expect(array.map { $0["count"] as? Int } == [1, -2, 0])
        // Keys sorted, as msp has always written them.
        #expect(json.contains("\"count\" : 1,\n    \"late\" : true,\n    \"name\""))

        let lines = try Writers.rows(Self.hostile, as: .ndjson).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Self.hostile.count + 1 && lines.last == "")
        for (line, row) in zip(lines, Self.hostile) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["name"] as? String == row.name)
            #expect(object["note"] as? String == row.note)
        }
    }

    @Test func aTableHasTheKeysAsHeaderAndNothingForNull() throws {
        let text = try Writers.rows(Array(Self.hostile.prefix(2)), as: .table)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("name") == true && lines.first?.contains("note") == true)
        #expect(!text.contains("null"))
        #expect(try Writers.rows([Row](), as: .table) == "(none)\n")
    }

    @Test func htmlTextAndAttributesAreEscaped() {
        var h = HTMLWriter()
        h.open("p", ["class": "a\"b<c>"])
        h.text("<script>alert('x')</script> & co")
        h.close("p")
        h.element("li", "Côte d'Ivoire")
        #expect(
            h.markup
                == "<p class=\"a&quot;b&lt;c&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p><li>Côte d&#39;Ivoire</li>"
        )
    }

    @Test func markdownTextIsEscapedWhereARendererWouldReadMarkupOnly() {
        var md = MarkdownWriter()
        md.heading(2, "A *bold* [link](x)")
        md.bullet("<b>H.E.</b> #1")
        md.strong("under_score")
        #expect(md.text == "## A \\*bold\\* \\[link\\](x)\n- \\<b>H.E.\\</b> #1\n**under\\_score**\n")
        // As people write them: nothing to escape.
        for text in [
            "H.E. Mr. Jean-Pierre Dupont (Head of delegation)", "Ambassador, Permanent Representative", "O'Brien",
        ] {
            #expect(MarkdownWriter.escape(text) == text)
        }
        // What would start a list, a heading, a quote or a rule at the start of a line; a heading's closing #s.
        let cases = [
            ("- Kim", "\\- Kim"), ("+1", "\\+1"), ("1. Kim", "1\\. Kim"), ("2017) note", "2017\\) note"),
            ("#1 delegate", "\\#1 delegate"), ("> Kim", "\\> Kim"), ("===", "\\==="), ("Room 5 #", "Room 5 \\#"),
            ("Room #5", "Room #5"), ("&copy; x", "\\&copy; x"), ("a|b ~~c~~ `d`", "a\\|b \\~\\~c\\~\\~ \\`d\\`"),
            ("C:\\path", "C:\\\\path"),
        ]
        for (text, escaped) in cases {
            #expect(MarkdownWriter.escape(text) == escaped, "\(text)")
        }
    }

    @Test func theEncoderKeepsOrderNestingAndNulls() throws {
        struct Inner: Encodable { var b: [Int?]; var a: [String: Int] }
        struct Outer: Encodable { var z: String; var inner: Inner; var y: Double?; var x: Double }
        let value = try OutputEncoder.encode(Outer(z: "z", inner: Inner(b: [1, nil], a: ["k": 2]), y: nil, x: 1.5))
        #expect(
            value
                == .object([
                    .init("z", .string("z")),
                    .init(
                        "inner",
                        .object([.init("b", .array([.int(1), .null])), .init("a", .object([.init("k", .int(2))]))])),
                    .init("y", .null),
                    .init("x", .double(1.5)),
                ]))
        #expect(
            try JSONOutput.render(value)
                == "{\n  \"inner\" : {\n    \"a\" : {\n      \"k\" : 2\n    },\n    \"b\" : [\n      1,\n      null\n    ]\n  },\n  \"x\" : 1.5,\n  \"y\" : null,\n  \"z\" : \"z\"\n}\n"
        )
    }
}

/// Each report row is declared once: its CSV header is its keys, and its JSON objects carry the same keys.
@Suite struct ReportRowTests {
    static func meeting() throws -> Meeting {
        let zone = try VenueTimeZone(identifier: "Europe/Zurich")
        return try Meeting(
            code: "7MSP", title: "Seventh Meeting", convention: "CCM", venue: "Geneva",
            opens: LocalDate.parse("2017-09-04"), closes: LocalDate.parse("2017-09-06"), timeZone: zone,
            deadline: WhenParser.deadline("2017-08-18", in: zone))
    }

    static func roster() -> Roster {
        Roster([
            .init(
                name: "Uganda", category: .signatoryStates,
                participants: [
                    Participant(role: .adviser, title: "Mr.", name: "Sam Poe"),
                    Participant(role: .head, title: "H.E. Mr.", name: "=John, \"Doe\"", function: "Ambassador, PR"),
                ]),
            .init(name: "Acme <Aid>", category: .civilSociety, participants: []),
        ])
    }

    func expectSameKeys<Row: ReportRow>(_ rows: [Row], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let csv = try Writers.rows(rows, as: .csv)
        let header = csvRows(csv).first ?? []
        #expect(header == Row.columns, sourceLocation: sourceLocation)
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(Writers.rows(rows, as: .json).utf8)) as? [[String: Any]])
        #expect(objects.count == rows.count, sourceLocation: sourceLocation)
        for object in objects {
            #expect(Set(object.keys).isSubset(of: Set(Row.columns)), "\(object.keys)", sourceLocation: sourceLocation)
        }
        let all = objects.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        #expect(all == Set(Row.columns), sourceLocation: sourceLocation)
    }

    @Test func lateNotesMeetingsAndRosterRowsHaveTheSameKeysInCSVAndJSON() throws {
        let meeting = try Self.meeting()
        let note = LateNote(
            delegation: "Kenya", category: .signatoryStates, reference: nil, kind: .registration,
            received: meeting.deadline.closesAt, receivedPrecision: .instant, channel: .email,
            lateness: .late(seconds: 1800))
        try expectSameKeys([LateNoteRow(note, zone: meeting.timeZone)])
        try expectSameKeys([MeetingRow(meeting)])
        #expect(MeetingRow.columns.contains("deadline_at") && !MeetingRow.columns.contains("deadline"))
        try expectSameKeys(RosterRow.rows(Self.roster()))
    }

    @Test func historyRowsHaveTheSameKeysInCSVAndJSON() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(
            try msp("credentials", "record", "--delegation", "Germany", "--kind", "copy", "--received", "2017-09-01"))
        expectSuccess(try msp("focal-point", "add", "--delegation", "Germany", "--email", "fp@mission.example"))
        let header = csvRows(try msp("history", "--delegation", "Germany", "--format", "csv").stdout).first ?? []
        #expect(header == HistoryRow.columns)
        let objects = try #require(
            try msp("history", "--delegation", "Germany", "--format", "json").json() as? [[String: Any]])
        #expect(objects.count == 3)
        // Every JSON key is a CSV column; only a correction's `changes` and a submission's keys are missing from notes,
        // credentials and focal points.
        #expect(
            Set(header).subtracting(objects.reduce(into: Set<String>()) { $0.formUnion($1.keys) }) == [
                "changes", "submission", "submission_kind",
            ])
        // A note has no credentials or email key; credentials and focal points have none of a note's figures.
        #expect(objects[0]["credentials"] == nil && objects[0]["email"] == nil && objects[1]["participants"] == nil)
        #expect(objects[2]["email"] as? String == "fp@mission.example" && objects[2]["participants"] == nil)
    }

    @Test func theRosterCSVFastPathWritesWhatTheGenericWriterWrites() throws {
        let roster = Self.roster()
        let fast = RosterReport.csv(roster).string
        #expect(fast == (try Writers.rows(RosterRow.rows(roster), as: .csv)))
        #expect(fast.contains("\"'=John, \"\"Doe\"\"\""))
        #expect(fast.contains("civil_society,Acme <Aid>,,,,\r\n"))
    }

    @Test func theRosterDocumentsParticipantsHaveTheRowsKeys() throws {
        let document = RosterDocument(Self.roster(), meeting: try Self.meeting(), masthead: .unset)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Writers.document(document).utf8)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let participant = try #require(
            ((groups[1]["delegations"] as? [[String: Any]])?.first?["participants"] as? [[String: Any]])?.first)
        // The CSV row is the document's participant with its group's category and its delegation's name.
        #expect(Set(participant.keys).union(["category", "delegation"]) == Set(RosterRow.columns))
        #expect(Set((object["meeting"] as? [String: Any] ?? [:]).keys) == Set(MeetingRow.columns))
    }
}

/// Every command that prints rows or a document takes --format (only the formats it offers) and --output.
@Suite struct OutputOptionTests {
    static let commands: [(arguments: [String], formats: [String])] = [
        (["list-late"], ["table", "csv", "json", "ndjson"]),
        (["meeting", "list"], ["table", "csv", "json", "ndjson"]),
        (["meeting", "show", "7MSP"], ["table", "json"]),
        (["history", "--delegation", "Uganda"], ["table", "csv", "json", "ndjson"]),
        (["stats"], ["table", "json", "html"]),
        (["treaty", "status", "--on", "2017-09-04"], ["table", "json"]),
        (["credentials", "report"], ["table", "json", "html"]),
        (["export-roster"], ["table", "csv", "json", "markdown", "html"]),
    ]

    @Test func everyCommandWritesEachOfItsFormatsToOutputAsToStandardOutput() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        for command in Self.commands {
            for format in command.formats {
                let printed = try msp.run(command.arguments + ["--format", format])
                expectSuccess(printed)
                let file = "out-\(command.arguments[0])-\(format)"
                let written = try msp.run(command.arguments + ["--format", format, "--output", file])
                expectSuccess(written)
                let text = try String(contentsOfFile: msp.path(file), encoding: .utf8)
                #expect(text == printed.stdout, "\(command.arguments) --format \(format)")
                #expect(!text.isEmpty)
            }
        }
    }

    @Test func helpOffersOnlyTheFormatsACommandTakesAndOthersAreRefused() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        for command in Self.commands {
            let help = try msp.run(command.arguments.prefix { !$0.hasPrefix("--") && $0 != "7MSP" } + ["--help"])
            expectSuccess(help)
            #expect(help.stdout.contains("--output <file>"), "\(command.arguments)")
            for format in ["table", "csv", "json", "ndjson", "markdown", "html"] {
                let offered = command.formats.contains(format)
                #expect(help.stdout.contains("\(format)") || !offered, "\(command.arguments) --help lacks \(format)")
                if !offered {
                    let refused = try msp.run(command.arguments + ["--format", format])
                    #expect(refused.status == 64, "\(command.arguments) --format \(format): \(refused.stderr)")
                }
            }
        }
    }
}
