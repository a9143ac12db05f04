import Foundation
import MSPDomain

/// Where a command's output goes: standard output, or a file written whole (a temporary file renamed into
/// place, so a failed export never leaves half a file).
public struct OutputTarget {
    public var path: String?

    public init(path: String?) { self.path = path }

    public func write(_ text: String) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(.cantCreate, "--output: the folder \(directory.path) does not exist")
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(.cantCreate, "--output: cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// A text table with aligned columns, for people at a terminal.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return text
        }
        var out = line(header) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}

/// CSV output (RFC 4180, CRLF line ends). Cells a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading apostrophe, so they stay text.
///
/// Written by hand rather than with CSV.swift's writer: quoting is five lines, and CSV.swift's writer searches
/// each field through Foundation and goes through an OutputStream, which made a 100,000-row export take 1.6 s.
public enum CSVOutput {
    public static func render(header: [String], rows: [[String]]) throws -> String {
        var out = ""
        out.reserveCapacity(rows.count * 96)
        append(header, to: &out, neutralizing: false)
        for row in rows { append(row, to: &out, neutralizing: true) }
        return out
    }

    public static func append(_ row: [String], to out: inout String, neutralizing: Bool = true) {
        for (index, cell) in row.enumerated() {
            if index > 0 { out.append(",") }
            let value = neutralizing ? neutralize(cell) : cell
            if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append("\"")
                out.append(value.replacingOccurrences(of: "\"", with: "\"\""))
                out.append("\"")
            } else {
                out.append(value)
            }
        }
        out.append("\r\n")
    }

    public static func neutralize(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}":
            return "'" + cell
        default:
            return cell
        }
    }
}

/// JSON output: always valid, keys sorted, non-ASCII kept as is.
public enum JSONOutput {
    public static func render(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One compact object per line.
    public static func renderLines(_ values: [Any]) throws -> String {
        var out = ""
        for value in values {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        return out
    }
}

/// Rows printed in one of the row formats: a header, string cells for table and CSV, objects for JSON.
public struct RowSet {
    public var header: [String]
    public var rows: [[String]]
    public var objects: [[String: Any]]

    public init(header: [String], rows: [[String]], objects: [[String: Any]]) {
        self.header = header
        self.rows = rows
        self.objects = objects
    }

    public func render(_ format: RowFormat) throws -> String {
        switch format {
        case .table: return rows.isEmpty ? "(none)\n" : TextTable.render(header: header, rows: rows)
        case .csv: return try CSVOutput.render(header: header, rows: rows)
        case .json: return try JSONOutput.render(objects)
        case .ndjson: return try JSONOutput.renderLines(objects)
        }
    }
}

/// HTML escaping for text and attribute values.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }
}
