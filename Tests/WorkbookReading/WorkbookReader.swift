import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An `.xlsx` file opened as a reader opens it, for tests: the ZIP archive through ZIPFoundation, each part parsed
/// by Foundation's `XMLDocument` (libxml2), which fails on anything that is not well-formed XML.
public struct WorkbookReader {
    /// A cell as the file stores it.
    public struct StoredCell: Equatable, CustomStringConvertible {
        /// "B3".
        public var reference: String
        /// The `t` attribute: "s" (shared string), "b", "inlineStr", "str" (a formula's text), or nil (a number).
        public var type: String?
        /// The `s` attribute: the index in `cellXfs`.
        public var style: Int
        /// `<v>`: the number, or the index in the shared strings.
        public var value: String?
        /// The text of a shared string, else nil.
        public var text: String?
        /// Whether the cell holds a formula (`<f>`).
        public var hasFormula: Bool

        public var description: String { "\(reference) t=\(type ?? "-") s=\(style) v=\(value ?? "-") \(text ?? "")" }
    }

    public let archive: Archive
    public let sheetNames: [String]
    public let sharedStrings: [String]

    public init(_ data: Data) throws {
        archive = try Archive(data: data, accessMode: .read)
        var names: [String] = []
        let workbook = try Self.document(archive, "xl/workbook.xml")
        for sheet in try workbook.nodes(forXPath: "//*[local-name()='sheet']") {
            names.append(Self.attribute(sheet, "name") ?? "")
        }
        sheetNames = names
        var strings: [String] = []
        if archive["xl/sharedStrings.xml"] != nil {
            let sst = try Self.document(archive, "xl/sharedStrings.xml")
            for item in try sst.nodes(forXPath: "//*[local-name()='si']") {
                let runs = try item.nodes(forXPath: ".//*[local-name()='t']")
                strings.append(Self.unescape(runs.map { $0.stringValue ?? "" }.joined()))
            }
        }
        sharedStrings = strings
    }

    /// A part of the package parsed as XML; throws when it is missing or not well-formed.
    public func part(_ path: String) throws -> XMLDocument { try Self.document(archive, path) }

    static func document(_ archive: Archive, _ path: String) throws -> XMLDocument {
        guard let entry = archive[path] else { throw ReadError("no part \(path)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return try XMLDocument(data: data, options: [])
    }

    /// Every cell of sheet `index` (0-based), row by row, as stored.
    public func storedRows(sheet index: Int) throws -> [[StoredCell]] {
        let document = try part("xl/worksheets/sheet\(index + 1).xml")
        var rows: [[StoredCell]] = []
        for row in try document.nodes(forXPath: "//*[local-name()='sheetData']/*[local-name()='row']") {
            var cells: [StoredCell] = []
            for case let cell as XMLElement in try row.nodes(forXPath: "*[local-name()='c']") {
                let type = Self.attribute(cell, "t")
                let value = try cell.nodes(forXPath: "*[local-name()='v']").first?.stringValue
                let text = type == "s" ? value.flatMap(Int.init).map { sharedStrings[$0] } : nil
                cells.append(
                    StoredCell(
                        reference: Self.attribute(cell, "r") ?? "", type: type,
                        style: Int(Self.attribute(cell, "s") ?? "0") ?? 0, value: value, text: text,
                        hasFormula: !(try cell.nodes(forXPath: "*[local-name()='f']")).isEmpty))
            }
            rows.append(cells)
        }
        return rows
    }

    /// Sheet `index`'s cells as text, row by row, dense from column A: text as is, numbers as stored, empty cells "".
    public func values(sheet index: Int) throws -> [[String]] {
        try storedRows(sheet: index).map { row in
            var out: [String] = []
            for cell in row {
                let column = Self.columnIndex(cell.reference)
                while out.count < column { out.append("") }
                out.append(cell.text ?? cell.value ?? "")
            }
            return out
        }
    }

    /// The number format code of a cell style (`cellXfs` index): a custom one from `numFmts`, or "builtin:N".
    public func numberFormat(style: Int) throws -> String {
        let styles = try part("xl/styles.xml")
        let xfs = try styles.nodes(forXPath: "//*[local-name()='cellXfs']/*[local-name()='xf']")
        guard style < xfs.count, let xf = xfs[style] as? XMLElement,
            let id = Self.attribute(xf, "numFmtId")
        else { throw ReadError("no cell style \(style)") }
        for case let format as XMLElement in try styles.nodes(forXPath: "//*[local-name()='numFmt']")
        where Self.attribute(format, "numFmtId") == id {
            return Self.attribute(format, "formatCode") ?? ""
        }
        return "builtin:\(id)"
    }

    /// Whether a cell style's font is bold.
    public func isBold(style: Int) throws -> Bool {
        let styles = try part("xl/styles.xml")
        let xfs = try styles.nodes(forXPath: "//*[local-name()='cellXfs']/*[local-name()='xf']")
        guard style < xfs.count, let xf = xfs[style] as? XMLElement,
            let fontId = Self.attribute(xf, "fontId").flatMap(Int.init)
        else { throw ReadError("no cell style \(style)") }
        let fonts = try styles.nodes(forXPath: "//*[local-name()='fonts']/*[local-name()='font']")
        return !(try fonts[fontId].nodes(forXPath: "*[local-name()='b']")).isEmpty
    }

    /// The frozen pane of sheet `index`: the rows above the split, or nil when none is frozen.
    public func frozenRows(sheet index: Int) throws -> Int? {
        let document = try part("xl/worksheets/sheet\(index + 1).xml")
        guard let pane = try document.nodes(forXPath: "//*[local-name()='pane']").first as? XMLElement,
            Self.attribute(pane, "state") == "frozen"
        else { return nil }
        return Self.attribute(pane, "ySplit").flatMap(Int.init)
    }

    /// Sheet `index`'s column widths, by column (1-based `min`).
    public func columnWidths(sheet index: Int) throws -> [Int: Double] {
        let document = try part("xl/worksheets/sheet\(index + 1).xml")
        var widths: [Int: Double] = [:]
        for case let col as XMLElement in try document.nodes(forXPath: "//*[local-name()='col']") {
            if let min = Self.attribute(col, "min").flatMap(Int.init),
                let width = Self.attribute(col, "width").flatMap(Double.init)
            {
                widths[min] = width
            }
        }
        return widths
    }

    /// "C7" → 2.
    public static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars where ("A"..."Z").contains(scalar) {
            index = index * 26 + Int(scalar.value - 64)
        }
        return index - 1
    }

    /// The spreadsheet's `_xHHHH_` escapes decoded, as Excel reads them.
    public static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.unicodeScalars.append(scalar)
                index += 7
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// A serial date as `yyyy-mm-dd hh:mm:ss` (the 1900 date system), rounded to the second.
    public static func dateTime(serial: Double) -> String {
        let seconds = Int64((serial * 86400).rounded()) - Int64(25569) * 86400
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

extension WorkbookReader {
    /// An attribute's value. (swift-corelibs-foundation's `attribute(forName:)` finds nothing on an element in a
    /// default namespace, as every element of these parts is; the list of attributes has them.)
    static func attribute(_ node: XMLNode, _ name: String) -> String? {
        (node as? XMLElement)?.attributes?.first { $0.name == name }?.stringValue
    }
}

public struct ReadError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
