import Foundation
import ZIPFoundation

/// Why a workbook could not be written.
package struct WorkbookError: Error, CustomStringConvertible {
    package var description: String
}

extension Workbook {
    /// The workbook as an `.xlsx` file: a ZIP archive (ZIPFoundation, deflated) of the Office Open XML parts.
    ///
    /// The parts' XML is written here by hand rather than through an XML library. XMLCoder, the one on offer,
    /// imports FoundationXML, which needs libxml2: the statically linked release binary would then need a library a
    /// plain Debian machine lacks; and encoding each cell through Codable is slow on a 100,000-row list. The markup
    /// is a handful of fixed elements; every text and attribute value goes through `XMLText.escape`.
    ///
    /// The same workbook gives the same bytes: each part's date is fixed (2000-01-01), not the time of writing.
    package func data() throws -> Data {
        guard !sheets.isEmpty else { throw WorkbookError(description: "a workbook needs at least one sheet") }
        var strings = SharedStrings()
        var parts: [(String, String)] = []
        let names = Self.sheetNames(sheets.map(\.name))
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", SheetXML.render(sheet, selected: index == 0, strings: &strings))
            )
        }
        parts.insert(contentsOf: packageParts(sheetNames: names), at: 0)
        parts.append(("xl/sharedStrings.xml", strings.xml))
        do {
            let archive = try Archive(accessMode: .create)
            for (path, xml) in parts {
                let bytes = Data(xml.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.partDate,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw WorkbookError(description: "the archive has no data") }
            return data
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(description: "cannot build the workbook's archive: \(error)")
        }
    }

    /// 2000-01-01 12:00 UTC: a date the ZIP format can hold in any time zone.
    static let partDate = Date(timeIntervalSince1970: 946_728_000)

    /// Names Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank, no apostrophe first or last, and
    /// each different from the others (ignoring case), " (2)" added where two would be the same.
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 })
                .trimmingCharacters(in: CharacterSet(charactersIn: "' ").union(.controlCharacters))
            base = String(base.unicodeScalars.filter { $0.value >= 0x20 }.map(Character.init))
            if base.isEmpty { base = "Sheet" }
            var candidate = String(base.prefix(31))
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The parts every workbook has: content types, relationships, the workbook and its styles.
    func packageParts(sheetNames: [String]) -> [(String, String)] {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
        let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        let indices = sheetNames.indices
        var types = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types +=
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"\(sheetType)\"/>"
        }
        types +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        types +=
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        types += "</Types>"

        let rootRels =
            header + "<Relationships xmlns=\"\(packageRelNS)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"

        var workbook = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        workbook += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            workbook += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        workbook += "</sheets>"
        // The header row printed again at the top of every page (the print counterpart of the frozen panes).
        let titled = sheets.indices.filter { sheets[$0].frozenRows > 0 }
        if !titled.isEmpty {
            workbook += "<definedNames>"
            for index in titled {
                let quoted = "'" + sheetNames[index].replacingOccurrences(of: "'", with: "''") + "'"
                let row = sheets[index].frozenRows
                workbook +=
                    "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(XMLText.escape(quoted))!$\(row):$\(row)</definedName>"
            }
            workbook += "</definedNames>"
        }
        workbook += "</workbook>"

        var workbookRels = header + "<Relationships xmlns=\"\(packageRelNS)\">"
        for index in indices {
            workbookRels +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        let next = sheetNames.count + 1
        workbookRels += "<Relationship Id=\"rId\(next)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        workbookRels +=
            "<Relationship Id=\"rId\(next + 1)\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        workbookRels += "</Relationships>"

        return [
            ("[Content_Types].xml", types), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", header + CellStyle.stylesXML),
        ]
    }
}

/// The cell formats of `xl/styles.xml`, by their index in its `cellXfs`.
enum CellStyle: Int {
    case plain = 0
    case bold = 1
    case title = 2
    case dateTime = 3
    case percent = 4
    case header = 5
    case date = 6

    /// Fonts: the default, bold, large bold. Fills: the two every file has, then a light grey for the header.
    /// Borders: none, a thin rule under the header. Number formats: 164 is the date and time, 165 the date; 9 is
    /// Excel's built-in "0%".
    static let stylesXML = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/>\
        <numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="3">\
        <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font>\
        </fonts>\
        <fills count="3">\
        <fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill>\
        </fills>\
        <borders count="2">\
        <border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>\
        </borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="7">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func of(_ cell: Cell, in style: Row.Style) -> CellStyle {
        switch style {
        case .header: return .header
        case .heading: return .bold
        case .title: return .title
        case .plain, .note:
            switch cell {
            case .dateTime: return .dateTime
            case .date: return .date
            case .percent: return .percent
            default: return .plain
            }
        }
    }
}

/// The shared-string table: each distinct text once, cells refer to it by index. Text in a cell is always stored
/// this way (`t="s"`), never as a formula, so `=cmd|...`, `+1`, `-2` or `@SUM(A1)` stay the text they are.
struct SharedStrings {
    private var index: [String: Int] = [:]
    private var ordered: [String] = []
    private var references = 0

    mutating func add(_ text: String) -> Int {
        references += 1
        if let found = index[text] { return found }
        index[text] = ordered.count
        ordered.append(text)
        return ordered.count - 1
    }

    var xml: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out +=
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(references)\" uniqueCount=\"\(ordered.count)\">"
        for text in ordered {
            out += XMLText.needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            out += XMLText.escape(text)
            out += "</t></si>"
        }
        out += "</sst>"
        return out
    }
}

/// One worksheet's XML: its view (panes frozen below the header), its column widths, its rows, and a page set-up
/// that prints it on A4, one page wide.
enum SheetXML {
    static func render(_ sheet: Worksheet, selected: Bool, strings: inout SharedStrings) -> String {
        let columnCount = sheet.rows.map(\.cells.count).max() ?? 0
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out +=
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if columnCount > 0 && !sheet.rows.isEmpty {
            out += "<dimension ref=\"A1:\(column(columnCount - 1))\(sheet.rows.count)\"/>"
        }
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        let frozen = sheet.frozenRows
        if frozen > 0 {
            let first = "A\(frozen + 1)"
            out +=
                "<pane ySplit=\"\(frozen)\" topLeftCell=\"\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(first)\" sqref=\"\(first)\"/>"
        }
        out += "</sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = columnWidths(sheet, columnCount: columnCount)
        if !widths.isEmpty {
            out += "<cols>"
            for (index, width) in widths.enumerated() {
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        let letters = (0..<columnCount).map(column)
        for (rowIndex, row) in sheet.rows.enumerated() {
            let number = String(rowIndex + 1)
            out += "<row r=\"\(number)\">"
            for (columnIndex, cell) in row.cells.enumerated() {
                let style = CellStyle.of(cell, in: row.style).rawValue
                let reference = letters[columnIndex] + number
                let styled = style == 0 ? "" : " s=\"\(style)\""
                switch cell {
                case .empty:
                    // An empty header or heading cell keeps its style (the header's rule runs on).
                    if style != 0 { out += "<c r=\"\(reference)\"\(styled)/>" }
                case .text(let text):
                    out += "<c r=\"\(reference)\"\(styled) t=\"s\"><v>\(strings.add(text))</v></c>"
                case .integer(let value):
                    out += "<c r=\"\(reference)\"\(styled)><v>\(value)</v></c>"
                case .number(let value), .percent(let value):
                    // A number that is not finite has no place in the file: the cell is left empty.
                    if value.isFinite { out += "<c r=\"\(reference)\"\(styled)><v>\(value)</v></c>" }
                case .boolean(let value):
                    out += "<c r=\"\(reference)\"\(styled) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                case .dateTime(let wallClock), .date(let wallClock):
                    out += "<c r=\"\(reference)\"\(styled)><v>\(wallClock.serial)</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        // Landscape when the columns are wider than a portrait A4 page holds at a readable size (about 100
        // characters of the default font).
        let landscape = widths.reduce(0, +) > 100
        out +=
            "<pageSetup paperSize=\"9\" orientation=\"\(landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        out += "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        out += "</worksheet>"
        return out
    }

    /// Column letters: A ... Z, AA ... ZZ, AAA ...
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// Each column as wide as its widest cell among the header and data rows (headings, titles and notes run on into
    /// the cells beside them and are not counted), in characters of the default font, with room for the padding;
    /// at least 6, at most 80 (a longer text wraps nowhere, but a column wider than a screen helps no one).
    static func columnWidths(_ sheet: Worksheet, columnCount: Int) -> [Int] {
        var widths = [Int](repeating: 0, count: columnCount)
        for row in sheet.rows where row.fitsColumns {
            for (index, cell) in row.cells.enumerated() {
                // A bold header is a little wider than the same text plain.
                let width = displayWidth(cell) + (row.style == .header ? 1 : 0)
                widths[index] = max(widths[index], width)
            }
        }
        // A tenth more than the count: proportional letters are not all as narrow as a digit.
        return widths.map { min(max(($0 * 11 + 9) / 10 + 2, 6), 80) }
    }

    /// How many character widths a cell's value takes as the sheet shows it; the longest line of a text, a wide
    /// (East Asian) character counting twice.
    static func displayWidth(_ cell: Cell) -> Int {
        switch cell {
        case .empty: return 0
        case .text(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
            }.max() ?? 0
        case .integer(let value): return String(value).count
        case .number(let value): return String(value).count
        case .percent: return 4
        case .boolean: return 5
        case .dateTime: return 19
        case .date: return 10
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
