import Foundation
import MSPWorkbook
import Testing
import WorkbookReading

/// The workbook writer: a ZIP archive ZIPFoundation opens, parts Foundation's XML parser reads, and cells that are
/// what they say (text as text, numbers and dates as numbers with their formats).
@Suite struct WorkbookTests {
    static let formulaLike = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1:A2)", "=1+1", "\t=x", "\u{FF1D}1"]

    static func open(_ workbook: Workbook) throws -> WorkbookReader {
        try WorkbookReader(workbook.data())
    }

    @Test func aSheetOpensWithItsHeaderRowsAndTypedCells() throws {
        let received = WallClock(daysSinceEpoch: 17397, secondOfDay: 30 * 60)  // 2017-08-19 00:30:00
        let sheet = Worksheet(
            name: "Late notes",
            rows: [
                .header(["note", "delegation", "received_at", "participants", "share", "late"]),
                Row([
                    .integer(3), .text("Côte d'Ivoire"), .dateTime(received), .integer(12), .percent(0.25),
                    .boolean(true),
                ]),
            ])
        let reader = try Self.open(Workbook(sheets: [sheet]))
        #expect(reader.sheetNames == ["Late notes"])
        let rows = try reader.storedRows(sheet: 0)
        #expect(rows.count == 2)
        #expect(
            rows[0].map(\.text)
                == sheet.rows[0].cells.map { cell in
                    if case .text(let text) = cell { return text }
                    return nil
                })
        #expect(try rows[0].allSatisfy { try reader.isBold(style: $0.style) })
        let data = rows[1]
        #expect(data[0].type == nil && data[0].value == "3")
        #expect(data[1].type == "s" && data[1].text == "Côte d'Ivoire")
        // The date: a number, with a date format, that reads back as the wall-clock time given.
        #expect(data[2].type == nil)
        #expect(try reader.numberFormat(style: data[2].style).contains("yyyy"))
        #expect(WorkbookReader.dateTime(serial: Double(data[2].value ?? "") ?? 0) == "2017-08-19 00:30:00")
        #expect(data[4].type == nil && Double(data[4].value ?? "") == 0.25)
        #expect(try reader.numberFormat(style: data[4].style) == "builtin:9")
        #expect(data[5].type == "b" && data[5].value == "1")
        #expect(try reader.frozenRows(sheet: 0) == 1)
        #expect(rows.joined().allSatisfy { !$0.hasFormula })
    }

    @Test func formulaLookingTextIsAStringCellNeverAFormula() throws {
        let sheet = Worksheet(name: "Names", rows: [.header(["name"])] + Self.formulaLike.map { Row([.text($0)]) })
        let data = try Workbook(sheets: [sheet]).data()
        let reader = try WorkbookReader(data)
        let cells = try reader.storedRows(sheet: 0).dropFirst().map { $0[0] }
        #expect(cells.map(\.type) == Array(repeating: "s", count: Self.formulaLike.count))
        #expect(cells.map(\.text) == Self.formulaLike)
        #expect(cells.allSatisfy { !$0.hasFormula })
        // No part of the package holds a formula element.
        for entry in reader.archive {
            var bytes = Data()
            _ = try reader.archive.extract(entry) { bytes.append($0) }
            #expect(!String(decoding: bytes, as: UTF8.self).contains("<f>"), "\(entry.path)")
        }
    }

    @Test func markupAndCharactersXMLCannotHoldStillMakeAWellFormedFile() throws {
        let texts = [
            "<b>&amp;\"quoted\" 'single'</b>", "bell\u{07}null\u{00}escape\u{1B}", "tab\tnew\nline\r", "  spaces  ",
            "_x0041_ is not A", "\u{FFFE}\u{FFFF}", "王毅明 محمد Иван",
        ]
        let sheet = Worksheet(
            name: "a/b[c]:d*e?f\\g and a name longer than thirty-one characters",
            rows: [.header(["text"])] + texts.map { Row([.text($0)]) })
        // XMLDocument (libxml2) refuses a part that is not well-formed XML 1.0.
        let reader = try Self.open(Workbook(sheets: [sheet, Worksheet(name: "a-b-c-d-e-f-g and a name longer than")]))
        #expect(try reader.storedRows(sheet: 0).dropFirst().map { $0[0].text } == texts)
        #expect(reader.sheetNames.allSatisfy { $0.count <= 31 && !$0.contains(where: { "[]:*?/\\".contains($0) }) })
        #expect(Set(reader.sheetNames.map { $0.lowercased() }).count == 2)
    }

    @Test func columnsAreAsWideAsTheirContentHeadingsAndTitlesLeftOut() throws {
        let long = "Ambassador, Permanent Representative of the Republic to the United Nations Office at Geneva"
        let sheet = Worksheet(
            name: "List",
            rows: [
                Row([.text("Seventh Meeting of States Parties to the Convention on Cluster Munitions")], style: .title),
                .header(["delegation", "name", "function"]),
                Row([.text("States Parties, a heading that runs on into the cells beside it")], style: .heading),
                Row([.text("Chad"), .text("Mr. 王毅明"), .text(long)]),
            ])
        let reader = try Self.open(Workbook(sheets: [sheet]))
        let widths = try reader.columnWidths(sheet: 0)
        // "delegation" (bold) is the widest of column A: neither the title nor the heading counts.
        #expect(widths[1].map { $0 >= 11 && $0 < 20 } == true)
        // Two wide characters count twice: "Mr. 王毅明" takes 10 widths.
        #expect(widths[2].map { $0 >= 10 && $0 < 16 } == true)
        // A long text: capped.
        #expect(widths[3] == 80)
        #expect(try reader.frozenRows(sheet: 0) == 2)
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let workbook = Workbook(sheets: [Worksheet(name: "A", rows: [.header(["a"]), Row([.text("x")])])])
        #expect(try workbook.data() == workbook.data())
        #expect(throws: WorkbookError.self) { try Workbook(sheets: []).data() }
    }
}
