#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MSPDomain

/// Where a command's output goes: standard output, or a file written whole (a temporary file renamed into
/// place, so a failed export never leaves half a file).
public struct OutputTarget {
    public var path: String?

    public init(path: String?) { self.path = path }

    public func write(_ text: String) throws {
        guard let path, path != "-" else {
            // Straight from the string's own storage: a large export is not copied once more into a Data.
            _ = OutputTarget.writeAll(text, to: STDOUT_FILENO)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(.cantCreate, "--output: the folder \(directory.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(.cantCreate, "--output: \(path) is a folder")
        }
        // Written beside the target, readable by its owner only (a list of participants is personal data), and
        // renamed into place: a failed export never leaves half a file.
        let temporary = directory.appending(path: ".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CommandFailure(.cantCreate, "--output: cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let written = OutputTarget.writeAll(text, to: fd)
        let synced = fsync(fd) == 0
        close(fd)
        guard written, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CommandFailure(.cantCreate, "--output: cannot write \(path): \(reason)")
        }
    }

    /// Writes all of `text` to a file descriptor; false on an error.
    static func writeAll(_ text: String, to fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
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
            if value.utf8.contains(where: { (byte: UInt8) -> Bool in byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }) {
                out.append("\"")
                if value.utf8.contains(0x22) {
                    for char in value.unicodeScalars {
                        if char == "\"" { out.append("\"") }
                        out.unicodeScalars.append(char)
                    }
                } else {
                    out.append(value)
                }
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

/// JSON output: always valid, keys sorted, non-ASCII kept as is, control characters escaped.
///
/// Values are what `JSONSerialization` takes (`[String: Any]`, `[Any]`, `String`, integers, `Double`, `Bool`,
/// `NSNull`, optionals as null); written by hand because `JSONSerialization` spent most of a `list-late` run
/// sorting keys through Foundation.
public enum JSONOutput {
    public static func render(_ value: Any) throws -> String {
        var out = ""
        try write(value, to: &out, indent: 0, pretty: true)
        out.append("\n")
        return out
    }

    /// One compact object per line.
    public static func renderLines(_ values: [Any]) throws -> String {
        var out = ""
        for value in values {
            try write(value, to: &out, indent: 0, pretty: false)
            out.append("\n")
        }
        return out
    }

    static func write(_ value: Any, to out: inout String, indent: Int, pretty: Bool) throws {
        switch value {
        case let string as String:
            writeString(string, to: &out)
        case let int as Int:
            out.append(String(int))
        case let int as Int64:
            out.append(String(int))
        case let int as Int32:
            out.append(String(int))
        case let bool as Bool:
            out.append(bool ? "true" : "false")
        case let double as Double:
            guard double.isFinite else { throw JSONOutputError.notFinite }
            out.append(double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double))
        case let object as [String: Any]:
            if object.isEmpty { out.append("{}"); return }
            out.append("{")
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out.append(",") }
                newline(&out, indent + 1, pretty)
                writeString(key, to: &out)
                out.append(pretty ? " : " : ":")
                try write(object[key]!, to: &out, indent: indent + 1, pretty: pretty)
            }
            newline(&out, indent, pretty)
            out.append("}")
        case let array as [Any]:
            if array.isEmpty { out.append("[]"); return }
            out.append("[")
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(",") }
                newline(&out, indent + 1, pretty)
                try write(element, to: &out, indent: indent + 1, pretty: pretty)
            }
            newline(&out, indent, pretty)
            out.append("]")
        // Checked after the containers: asking whether a Swift dictionary is an NSNull bridges it to Foundation.
        case is NSNull:
            out.append("null")
        case let optional as Optional<Any>:
            if case .some(let wrapped) = optional { try write(wrapped, to: &out, indent: indent, pretty: pretty) } else { out.append("null") }
        default:
            throw JSONOutputError.unsupported(String(describing: type(of: value)))
        }
    }

    @inline(__always)
    static func newline(_ out: inout String, _ indent: Int, _ pretty: Bool) {
        guard pretty else { return }
        out.append("\n")
        out.append(String(repeating: "  ", count: indent))
    }

    static func writeString(_ string: String, to out: inout String) {
        out.append("\"")
        let needsEscape = string.utf8.contains { (byte: UInt8) -> Bool in byte < 0x20 || byte == 0x22 || byte == 0x5C }
        if !needsEscape {
            out.append(string)
        } else {
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}

enum JSONOutputError: Error, CustomStringConvertible {
    case notFinite
    case unsupported(String)

    var description: String {
        switch self {
        case .notFinite: return "a number that is not finite cannot be written as JSON"
        case .unsupported(let type): return "a \(type) cannot be written as JSON"
        }
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
