import Foundation
import MSPDomain
import MSPStore
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Where a command's output goes: standard output, or a file written whole (a temporary file renamed into
/// place, so a failed export never leaves half a file). What is already at the path decides how: a regular file
/// (or a link to one) is replaced, its links kept; a terminal, a pipe, a FIFO or a link to a descriptor
/// (`/dev/stdout`) is written into, never replaced; a folder or a block device is refused. A write that fails is
/// an error (status 74), as is a file that cannot be made (73).
struct OutputTarget {
    var path: String?

    func write(_ text: String) throws {
        // Straight from the string's own storage: a large export is not copied once more into a Data.
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes (a PDF, a workbook).
    func write(_ bytes: some ContiguousBytes) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ text: UnsafeRawBufferPointer) throws {
        guard let path, path != "-" else {
            try OutputTarget.writeAll(text, to: STDOUT_FILENO, named: "standard output")
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFDIR:
                throw CommandFailure(.cantCreate, "--output: \(path) is a folder")
            case S_IFCHR, S_IFIFO, S_IFSOCK:
                try writeInto(path, text)
                return
            default:
                throw CommandFailure(.cantCreate, "--output: \(path) is not a regular file: it was left as it is")
            }
        }
        // A link to a regular file stays a link: the file it names is the one replaced.
        let target =
            realpath(path, nil).map { resolved in
                defer { free(resolved) }
                return String(cString: resolved)
            } ?? path
        let folder = PrivateFile.folder(of: target)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(.cantCreate, "--output: the folder \(folder) does not exist")
        }
        // Written beside the target, readable by its owner only (a list of participants is personal data), and
        // renamed into place: a failed export never leaves half a file.
        let temporary: String
        let fd: Int32
        do {
            (temporary, fd) = try PrivateFile.createTemporary(in: folder)
        } catch {
            throw CommandFailure(.cantCreate, "--output: cannot write \(path): \(error)")
        }
        do {
            try OutputTarget.writeAll(text, to: fd, named: path)
            guard fsync(fd) == 0 else { throw OutputTarget.failure(path, Errno(rawValue: errno)) }
            guard PrivateFile.isStill(fd, at: temporary) else {
                throw CommandFailure(.cantCreate, "--output: \(temporary) was replaced while msp wrote it")
            }
            guard close(fd) == 0 else { throw OutputTarget.failure(path, Errno(rawValue: errno)) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CommandFailure(.cantCreate, "--output: cannot write \(path): \(reason)")
        }
    }

    /// Writes into what is at `path` without replacing it (a device, a FIFO, a link to a descriptor).
    private func writeInto(_ path: String, _ text: UnsafeRawBufferPointer) throws {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CommandFailure(.cantCreate, "--output: cannot write \(path): \(String(cString: strerror(errno)))")
        }
        do {
            try OutputTarget.writeAll(text, to: fd, named: path)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw OutputTarget.failure(path, Errno(rawValue: errno)) }
    }

    /// Writes all of `text` to a file descriptor; a failure is status 74, naming `name`.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, named name: String) throws {
        do {
            // swift-system writes every byte, retrying a write that a signal interrupts.
            _ = try FileDescriptor(rawValue: fd).writeAll(bytes)
        } catch {
            throw failure(name, error as? Errno ?? .ioError)
        }
    }

    static func failure(_ name: String, _ errno: Errno) -> CommandFailure {
        CommandFailure(.ioError, "cannot write \(name): \(errno.description); the output is incomplete")
    }
}

/// A text table with aligned columns, for people at a terminal.
enum TextTable {
    /// Encoded rows under their keys as the header; "(none)" when there are none.
    static func render(columns: [String], values: [OutputValue]) throws -> String {
        guard !values.isEmpty else { return "(none)\n" }
        return render(
            header: columns,
            rows: try values.map { value in
                guard case .object(let fields) = value else { throw WriterError.notARow }
                return try columns.map { key in try fields.first { $0.key == key }?.value.cell() ?? "" }
            })
    }

    static func render(header: [String], rows: [[String]]) -> String {
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
enum CSVOutput {
    static func render(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 96)
        append(header, to: &out, neutralizing: false)
        for row in rows { append(row, to: &out, neutralizing: true) }
        return out
    }

    static func append(_ row: [String], to out: inout String, neutralizing: Bool = true) {
        for (index, cell) in row.enumerated() {
            if index > 0 { out.append(",") }
            let value = neutralizing ? neutralize(cell) : cell
            if value.utf8.contains(where: { (byte: UInt8) -> Bool in
                byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
            }) {
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

    /// Rows of encoded values under `columns`: each cell is the value under its column's key (null or a missing
    /// key is an empty cell; an array or object, compact JSON).
    static func render(columns: [String], values: [OutputValue]) throws -> String {
        var out = ""
        out.reserveCapacity(values.count * 96)
        append(columns, to: &out, neutralizing: false)
        for value in values {
            guard case .object(let fields) = value else { throw WriterError.notARow }
            append(try columns.map { key in try fields.first { $0.key == key }?.value.cell() ?? "" }, to: &out)
        }
        return out
    }

    static func neutralize(_ cell: String) -> String {
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
/// Written by hand rather than with `JSONEncoder`/`JSONSerialization`: sorting keys through Foundation took most of
/// a `list-late` run.
enum JSONOutput {
    /// Any report row or document, pretty-printed, ending with a line break.
    static func render<T: Encodable>(_ value: T) throws -> String {
        try render(OutputEncoder.encode(value))
    }

    static func render(_ value: OutputValue) throws -> String {
        var out = ""
        try write(value, to: &out, indent: 0, pretty: true)
        out.append("\n")
        return out
    }

    /// One compact object per line (NDJSON).
    static func renderLines<T: Encodable>(_ values: [T]) throws -> String {
        try renderLines(values.map { try OutputEncoder.encode($0) })
    }

    static func renderLines(_ values: [OutputValue]) throws -> String {
        var out = ""
        for value in values {
            try write(value, to: &out, indent: 0, pretty: false)
            out.append("\n")
        }
        return out
    }

    /// One value on one line, no line break.
    static func compact(_ value: OutputValue) throws -> String {
        var out = ""
        try write(value, to: &out, indent: 0, pretty: false)
        return out
    }

    static func write(_ value: OutputValue, to out: inout String, indent: Int, pretty: Bool) throws {
        switch value {
        case .string(let string):
            writeString(string, to: &out)
        case .int(let int):
            out.append(String(int))
        case .bool(let bool):
            out.append(bool ? "true" : "false")
        case .double(let double):
            out.append(try number(double))
        case .null:
            out.append("null")
        case .object(let fields):
            if fields.isEmpty { out.append("{}"); return }
            out.append("{")
            // The keys sorted by their positions: moving small integers rather than fields.
            for (index, position) in fields.indices.sorted(by: { fields[$0].key < fields[$1].key }).enumerated() {
                let field = fields[position]
                if index > 0 { out.append(",") }
                newline(&out, indent + 1, pretty)
                writeString(field.key, to: &out)
                out.append(pretty ? " : " : ":")
                try write(field.value, to: &out, indent: indent + 1, pretty: pretty)
            }
            newline(&out, indent, pretty)
            out.append("}")
        case .array(let array):
            if array.isEmpty { out.append("[]"); return }
            out.append("[")
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(",") }
                newline(&out, indent + 1, pretty)
                try write(element, to: &out, indent: indent + 1, pretty: pretty)
            }
            newline(&out, indent, pretty)
            out.append("]")
        }
    }

    /// A whole number without a fraction ("3", not "3.0"); others as Swift writes them.
    static func number(_ double: Double) throws -> String {
        guard double.isFinite else { throw JSONOutputError.notFinite }
        return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
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

    var description: String {
        switch self {
        case .notFinite: return "a number that is not finite cannot be written as JSON"
        }
    }
}
