import CSV
import Foundation
import MSPDomain
import MSPWorkbook
import Testing
import WorkbookReading

@testable import MSPCommands

/// `--format xlsx`: each command's workbook, written by the built msp, opened as a reader opens it, holds the cells
/// its CSV (or JSON) holds: text as text (formula-looking text too), numbers as numbers, instants as dates on the
/// meeting's wall clock.
@Suite struct WorkbookCommandTests {
    /// The 7MSP with the sample notes, a late note whose reference and names look like formulas, and a masthead.
    static func meeting() throws -> MSPRun {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(
            try msp(
                "register", "--delegation", "Chad", "--received", "2017-08-25T18:00:00+02:00", "--reference",
                "=cmd|' /C calc'!A0", "--head", "Mr. @SUM(A1:A9)", "--adviser", "Ms. -2 Minus", "--adviser",
                "Mr. +1 Plus"))
        expectSuccess(
            try msp("document", "set", "participants", "--symbol", "CCM/MSP/2017/INF.1", "--issued", "2017-09-04"))
        expectSuccess(
            try msp.run(
                ["user", "add", "j.dupont", "--role", "secretariat", "--password-file", "-"],
                stdin: "a long enough passphrase\n"))
        expectSuccess(
            try msp(
                "focal-point", "add", "--delegation", "Uganda", "--email", "focal@mission.example", "--base-url",
                "https://msp.example.org"))
        return msp
    }

    /// Writes `command --format xlsx --output NAME` and opens it; the file is the owner's only.
    static func workbook(_ msp: MSPRun, _ command: [String], _ name: String) throws -> WorkbookReader {
        expectSuccess(try msp.run(command + ["--format", "xlsx", "--output", name]))
        let attributes = try FileManager.default.attributesOfItem(atPath: msp.path(name))
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(command)")
        return try WorkbookReader(Data(contentsOf: URL(fileURLWithPath: msp.path(name))))
    }

    /// The command's CSV, header first.
    static func csv(_ msp: MSPRun, _ command: [String]) throws -> [[String]] {
        let output = try msp.run(command + ["--format", "csv"])
        expectSuccess(output)
        let reader = try CSVReader(string: output.stdout, hasHeaderRow: false)
        return reader.map { $0 }
    }

    /// A sheet's rows as the CSV writes its cells: an instant as the CSV shows it (the date and time, without the
    /// offset: the workbook holds the meeting's wall clock), a boolean as true/false, text with CSV's neutralizing
    /// apostrophe where CSV puts one; and the CSV's instants with their offsets taken off.
    static func comparable(_ reader: WorkbookReader, sheet: Int, from first: Int) throws -> [[String]] {
        try reader.storedRows(sheet: sheet).dropFirst(first).map { row in
            var out: [String] = []
            for cell in row {
                while out.count < WorkbookReader.columnIndex(cell.reference) { out.append("") }
                let format = try reader.numberFormat(style: cell.style)
                if let text = cell.text {
                    out.append(out.isEmpty && first > 0 ? text : CSVOutput.neutralize(text))
                } else if cell.type == "b" {
                    out.append(cell.value == "1" ? "true" : "false")
                } else if format.contains("hh:mm"), let serial = cell.value.flatMap(Double.init) {
                    out.append(WorkbookReader.dateTime(serial: serial))
                } else {
                    out.append(cell.value ?? "")
                }
            }
            return out
        }
    }

    /// `2017-08-15T10:30:00+02:00` as the workbook shows it: `2017-08-15 10:30:00`.
    static func wallClock(_ cell: String) -> String {
        guard cell.count >= 20, Array(cell)[10] == "T", Array(cell)[4] == "-" else { return cell }
        return String(cell.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// Every command that prints rows; all but the submission queue and the outbox (both filled through the portal)
    /// have some here.
    @Test(arguments: [
        ["list-late"], ["delegations"], ["absent-states"], ["find-person", "john"],
        ["history", "--delegation", "Uganda"],
        ["meeting", "list"], ["document", "show"], ["user", "list"], ["focal-point", "list"], ["mail", "list"],
        ["submission", "list", "--status", "all"],
    ])
    func rowsAreTheCSVsCells(_ command: [String]) throws {
        let msp = try Self.meeting()
        let reader = try Self.workbook(msp, command, "rows.xlsx")
        let csv = try Self.csv(msp, command).map { $0.map(Self.wallClock) }
        // Header plus rows; every row padded to the header's width (a trailing empty cell is not stored).
        let sheet = try Self.comparable(reader, sheet: 0, from: 0).map { row in
            row + Array(repeating: "", count: max(0, csv[0].count - row.count))
        }
        #expect(csv.count > 1 || ["submission", "mail"].contains(command[0]), "\(command)")
        #expect(sheet == csv, "\(command)")
        let stored = try reader.storedRows(sheet: 0)
        #expect(try stored[0].allSatisfy { try reader.isBold(style: $0.style) })
        #expect(try reader.frozenRows(sheet: 0) == 1)
        #expect(stored.joined().allSatisfy { !$0.hasFormula })
        // Numbers are numbers: no cell of a numeric CSV column is a string.
        for (column, name) in csv[0].enumerated() where ["note", "participants", "late_notes"].contains(name) {
            let cells = stored.dropFirst().joined().filter { WorkbookReader.columnIndex($0.reference) == column }
            #expect(cells.allSatisfy { $0.type == nil }, "\(name)")
        }
    }

    @Test func lateNotesReceivedAtIsADateOnTheMeetingsClock() throws {
        let msp = try Self.meeting()
        let reader = try Self.workbook(msp, ["list-late"], "late.xlsx")
        let rows = try reader.storedRows(sheet: 0)
        let column = try #require(rows[0].firstIndex { $0.text == "received_at" })
        let chad = try #require(rows.first { $0.contains { $0.text == "Chad" } })
        #expect(chad[column].type == nil)
        #expect(try reader.numberFormat(style: chad[column].style).contains("yyyy"))
        #expect(WorkbookReader.dateTime(serial: Double(chad[column].value ?? "") ?? 0) == "2017-08-25 18:00:00")
        // The formula-looking reference is a shared string, as typed.
        #expect(chad.contains { $0.type == "s" && $0.text == "=cmd|' /C calc'!A0" })
    }

    @Test func theRosterIsOneSheetWithItsMastheadAndCategoryHeadings() throws {
        let msp = try Self.meeting()
        let reader = try Self.workbook(msp, ["export-roster"], "roster.xlsx")
        #expect(reader.sheetNames.count == 1)
        let values = try reader.values(sheet: 0)
        let frozen = try #require(try reader.frozenRows(sheet: 0))
        let document =
            try JSONSerialization.jsonObject(
                with: Data(try msp("export-roster", "--format", "json").stdout.utf8)) as? [String: Any]
        let masthead = try #require(document?["document"] as? [String: Any])
        let above = values.prefix(frozen - 1).joined().filter { !$0.isEmpty }
        // The masthead and title above the header: symbol, the document's title, the meeting's title.
        #expect(above.contains(try #require(masthead["symbol"] as? String)))
        #expect(above.contains(try #require(masthead["title"] as? String)))
        #expect(above.contains("Seventh Meeting of States Parties to the Convention on Cluster Munitions"))
        // Below the header: a heading row per category (its title, from the JSON), then its participants; put back
        // together with the category they are under, the rows are the CSV's.
        let groups = try #require(document?["groups"] as? [[String: Any]])
        let categories = Dictionary(
            uniqueKeysWithValues: groups.compactMap { group in
                (group["title"] as? String).flatMap { title in (group["category"] as? String).map { (title, $0) } }
            })
        var current = ""
        var rebuilt: [[String]] = []
        var headings: [String] = []
        for row in try Self.comparable(reader, sheet: 0, from: frozen) {
            if row.count == 1, let category = categories[row[0]] {
                current = category
                headings.append(row[0])
                continue
            }
            let padded = row + Array(repeating: "", count: max(0, 5 - row.count))
            rebuilt.append([current] + padded.map(CSVOutput.neutralize).enumerated().map { $0 == 0 ? row[0] : $1 })
        }
        let csv = try Self.csv(msp, ["export-roster"])
        #expect(headings == groups.compactMap { $0["title"] as? String })
        #expect(values[frozen - 1] == Array(csv[0].dropFirst()))
        #expect(rebuilt == Array(csv.dropFirst()))
        // The heading rows and the header are bold.
        let stored = try reader.storedRows(sheet: 0)
        let headingCells = stored.filter { $0.count == 1 && categories[$0[0].text ?? ""] != nil }.map { $0[0] }
        #expect(try headingCells.allSatisfy { try reader.isBold(style: $0.style) })
        #expect(try stored[frozen - 1].allSatisfy { try reader.isBold(style: $0.style) })
    }

    @Test func statsHaveASheetPerTableWithTheJSONsFigures() throws {
        let msp = try Self.meeting()
        let reader = try Self.workbook(msp, ["stats"], "stats.xlsx")
        #expect(reader.sheetNames == ["Summary", "By category", "By gender", "Late notes", "By channel"])
        let json =
            try JSONSerialization.jsonObject(with: Data(try msp("stats", "--format", "json").stdout.utf8))
            as? [String: Any]
        let summary = try reader.values(sheet: 0).dropFirst()
        for row in summary where row[0] != "meeting" && row[0] != "title" && row[0] != "convention" && row[0] != "opens"
        {
            #expect(Int(row[1]) == json?[row[0]] as? Int, "\(row[0])")
        }
        let opens = try #require(try reader.storedRows(sheet: 0).first { $0.first?.text == "opens" }?[1])
        #expect(opens.type == nil)
        #expect(try reader.numberFormat(style: opens.style) == "yyyy\\-mm\\-dd")
        let gender = json?["participants_by_gender"] as? [String: Int]
        let participants = json?["participants"] as? Int ?? 0
        for row in try reader.storedRows(sheet: 2).dropFirst() {
            let count = gender?[row[0].text ?? ""]
            #expect(Int(row[1].value ?? "") == count)
            #expect(Double(row[2].value ?? "") == Double(count ?? -1) / Double(participants))
            #expect(try reader.numberFormat(style: row[2].style) == "builtin:9")
        }
        let channels = json?["notes_by_channel"] as? [String: Int]
        for row in try reader.values(sheet: 4).dropFirst() { #expect(Int(row[1]) == channels?[row[0]]) }
        let decisions = json?["late_notes_by_decision"] as? [String: Int]
        for row in try reader.values(sheet: 3).dropFirst() { #expect(Int(row[1]) == decisions?[row[0]]) }
        for index in reader.sheetNames.indices { #expect(try reader.frozenRows(sheet: index) == 1) }
    }

    @Test func theCredentialsReportListsEveryStateUnderItsList() throws {
        let msp = try Self.meeting()
        expectSuccess(
            try msp(
                "credentials", "record", "--received", "2017-09-04T09:30", "--delegation", "Germany", "--kind",
                "original"))
        let reader = try Self.workbook(msp, ["credentials", "report"], "credentials.xlsx")
        let json =
            try JSONSerialization.jsonObject(
                with: Data(try msp("credentials", "report", "--format", "json").stdout.utf8)) as? [String: Any]
        let frozen = try #require(try reader.frozenRows(sheet: 0))
        let rows = try reader.values(sheet: 0).dropFirst(frozen).filter { $0.count == 2 }
        for key in ["original", "copy", "note_verbale", "missing"] {
            #expect(rows.filter { $0[1] == key }.map { $0[0] } == json?[key] as? [String], "\(key)")
        }
        #expect(rows.contains(["Germany", "original"]))
    }

    @Test func aWorkbookGoesToAPipeButNotToATerminal() throws {
        let msp = try Self.meeting()
        let binary = msp.binary.path
        expectSuccess(try msp.run(["-c", "'\(binary)' list-late --format xlsx | cat > piped.xlsx"], shell: true))
        let piped = try WorkbookReader(Data(contentsOf: URL(fileURLWithPath: msp.path("piped.xlsx"))))
        #expect(try piped.values(sheet: 0).count == Self.csv(msp, ["list-late"]).count)
        // script(1) gives msp a terminal as its standard output.
        let terminal = try msp.run(
            ["-c", "script -qec \"'\(binary)' list-late --format xlsx\" /dev/null"], shell: true)
        #expect(terminal.status == 64)
        #expect(terminal.stdout.contains("--format xlsx writes a file, not text for a terminal"))
        #expect(!terminal.stdout.contains("PK"))
    }

    @Test func anInstantAsTheOtherFormatsWriteItIsItsWallClockInTheWorkbook() throws {
        let day = try #require(LocalDate(year: 2017, month: 8, day: 19)).daysSinceEpoch
        #expect(
            WorkbookOutput.wallClock("2017-08-19T00:30:05+02:00") == WallClock(daysSinceEpoch: day, secondOfDay: 1805))
        #expect(WorkbookOutput.wallClock("2017-08-19T23:59:59Z") == WallClock(daysSinceEpoch: day, secondOfDay: 86399))
        for text in [
            "2017-08-19", "Note 2017-08-19T00:30:00+02:00", "2017-02-30T00:00:00Z", "2017-08-19T24:00:00Z", "",
        ] {
            #expect(WorkbookOutput.wallClock(text) == nil, "\(text)")
        }
        // The columns read as instants: the keys ending in _at.
        #expect(LateNoteRow.dateColumns == ["received_at", "decided_at"])
        #expect(DelegationRow.dateColumns == ["first_note_at", "latest_note_at"])
        #expect(AbsentStateRow.dateColumns.isEmpty)
    }
}
