import Foundation
import MSPDomain
import MSPFiles
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

/// Text being written as UTF-8 bytes, for the CSV and JSON writers.
///
/// Hand-written rather than appending to a `String`: `String.append` of each cell cost about 1,400 instructions
/// (uniqueness, capacity and form checks per call), and a 71,556-row roster's CSV spent 624 M instructions in it
/// of the export's 1.69 G (callgrind, bench/results.md). Bytes are copied with `append(contentsOf:)`; the result
/// becomes a `String` once, at the end.
struct OutputBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// An integer in decimal. (Not an `append` overload: a literal byte such as `0x22` would pick it.)
    mutating func appendDecimal(_ int: Int) {
        if int >= 0 && int < 10 { bytes.append(0x30 + UInt8(int)); return }
        append(String(int))
    }

    /// The text written; the bytes came from valid strings, so nothing is repaired.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// CSV output (RFC 4180, CRLF line ends). Cells a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms) get a leading apostrophe, so they
/// stay text.
///
/// Written by hand rather than with CSV.swift's writer: quoting is a few lines, and CSV.swift's writer searches
/// each field through Foundation and goes through an OutputStream, which made a 100,000-row export take 1.6 s.
enum CSVOutput {
    static func render(header: [String], rows: [[String]]) -> String {
        var out = OutputBytes(capacity: rows.count * 96)
        append(header, to: &out, neutralizing: false)
        for row in rows { append(row, to: &out, neutralizing: true) }
        return out.string
    }

    static func append(_ row: [String], to out: inout OutputBytes, neutralizing: Bool = true) {
        for (index, cell) in row.enumerated() {
            appendCell(cell, to: &out, first: index == 0, neutralizing: neutralizing)
        }
        endRow(&out)
    }

    /// One cell of a row, after a comma unless it is the row's first; a row ends with `endRow`.
    @inline(__always)
    static func appendCell(_ cell: String, to out: inout OutputBytes, first: Bool = false, neutralizing: Bool = true) {
        if !first { out.append(UInt8(ascii: ",")) }
        var cell = cell
        cell.withUTF8 { appendCell($0, to: &out, neutralizing: neutralizing) }
    }

    static func endRow(_ out: inout OutputBytes) { out.append("\r\n") }

    /// One cell's bytes: an apostrophe first when it would be a formula, quoted when it holds a comma, a quote or
    /// a line break (quotes doubled).
    private static func appendCell(_ cell: UnsafeBufferPointer<UInt8>, to out: inout OutputBytes, neutralizing: Bool) {
        let prefix = neutralizing && startsLikeAFormula(cell)
        var needsQuotes = false
        var hasQuote = false
        for byte in cell {
            switch byte {
            case 0x22: hasQuote = true; needsQuotes = true
            case 0x2C, 0x0A, 0x0D: needsQuotes = true
            default: break
            }
        }
        if needsQuotes { out.append(0x22) }
        if prefix { out.append(UInt8(ascii: "'")) }
        if hasQuote {
            for byte in cell {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
        } else {
            out.bytes.append(contentsOf: cell)
        }
        if needsQuotes { out.append(0x22) }
    }

    /// `=`, `+`, `-`, `@`, a tab or a carriage return first, or the full-width `＝`, `＋`, `－`, `＠` (U+FF1D,
    /// U+FF0B, U+FF0D, U+FF20: EF BC 9D, 8B, 8D, A0 in UTF-8).
    private static func startsLikeAFormula(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return true
        case 0xEF:
            guard cell.count >= 3, cell[1] == 0xBC else { return false }
            return cell[2] == 0x9D || cell[2] == 0x8B || cell[2] == 0x8D || cell[2] == 0xA0
        default:
            return false
        }
    }

    /// Rows of encoded values under `columns`: each cell is the value under its column's key (null or a missing
    /// key is an empty cell; an array or object, compact JSON).
    static func render(columns: [String], values: [OutputValue]) throws -> String {
        var out = OutputBytes(capacity: values.count * 96)
        append(columns, to: &out, neutralizing: false)
        for value in values {
            guard case .object(let fields) = value else { throw WriterError.notARow }
            append(try columns.map { key in try fields.first { $0.key == key }?.value.cell() ?? "" }, to: &out)
        }
        return out.string
    }

    static func neutralize(_ cell: String) -> String {
        var cell = cell
        return cell.withUTF8 { startsLikeAFormula($0) } ? "'" + cell : cell
    }
}

/// JSON output: always valid, keys sorted, non-ASCII kept as is, control characters escaped.
///
/// Written by hand rather than with `JSONEncoder`/`JSONSerialization`: sorting keys through Foundation took most of
/// a `list-late` run. Written as bytes (`OutputBytes`), and the sorted order of an object's keys is worked out once
/// for the rows of a list, which share their keys: `list-late`'s 349 rows took 32 M instructions the other way.
enum JSONOutput {
    /// Any report row or document, pretty-printed, ending with a line break.
    static func render<T: Encodable>(_ value: T) throws -> String {
        try render(OutputEncoder.encode(value))
    }

    static func render(_ value: OutputValue) throws -> String {
        var writer = Writer()
        try writer.write(value, indent: 0, pretty: true)
        writer.out.append(0x0A)
        return writer.out.string
    }

    /// One compact object per line (NDJSON).
    static func renderLines<T: Encodable>(_ values: [T]) throws -> String {
        try renderLines(values.map { try OutputEncoder.encode($0) })
    }

    static func renderLines(_ values: [OutputValue]) throws -> String {
        var writer = Writer()
        for value in values {
            try writer.write(value, indent: 0, pretty: false)
            writer.out.append(0x0A)
        }
        return writer.out.string
    }

    /// One value on one line, no line break.
    static func compact(_ value: OutputValue) throws -> String {
        var writer = Writer()
        try writer.write(value, indent: 0, pretty: false)
        return writer.out.string
    }

    /// The bytes written so far, and the sorted order of the keys of the last object written.
    struct Writer {
        var out = OutputBytes()
        private var lastKeys: [String] = []
        private var lastOrder: [Int] = []

        mutating func write(_ value: OutputValue, indent: Int, pretty: Bool) throws {
            switch value {
            case .string(let string):
                JSONOutput.writeString(string, to: &out)
            case .int(let int):
                out.appendDecimal(int)
            case .bool(let bool):
                out.append(bool ? "true" : "false")
            case .double(let double):
                out.append(try number(double))
            case .null:
                out.append("null")
            case .object(let fields):
                if fields.isEmpty { out.append("{}"); return }
                out.append(UInt8(ascii: "{"))
                for (index, position) in order(of: fields).enumerated() {
                    let field = fields[position]
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent + 1, pretty)
                    JSONOutput.writeString(field.key, to: &out)
                    out.append(pretty ? " : " : ":")
                    try write(field.value, indent: indent + 1, pretty: pretty)
                }
                newline(indent, pretty)
                out.append(UInt8(ascii: "}"))
            case .array(let array):
                if array.isEmpty { out.append("[]"); return }
                out.append(UInt8(ascii: "["))
                for (index, element) in array.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent + 1, pretty)
                    try write(element, indent: indent + 1, pretty: pretty)
                }
                newline(indent, pretty)
                out.append(UInt8(ascii: "]"))
            }
        }

        /// The fields' positions in the order of their keys; the order found for the last object with the same keys
        /// (the rows of a list) is used again.
        private mutating func order(of fields: [OutputValue.Field]) -> [Int] {
            if fields.count == lastKeys.count && fields.indices.allSatisfy({ fields[$0].key == lastKeys[$0] }) {
                return lastOrder
            }
            let order = fields.indices.sorted(by: { fields[$0].key < fields[$1].key })
            lastKeys = fields.map(\.key)
            lastOrder = order
            return order
        }

        @inline(__always)
        private mutating func newline(_ indent: Int, _ pretty: Bool) {
            guard pretty else { return }
            out.append(0x0A)
            for _ in 0..<indent { out.append("  ") }
        }
    }

    /// A whole number without a fraction ("3", not "3.0"); others as Swift writes them.
    static func number(_ double: Double) throws -> String {
        guard double.isFinite else { throw JSONOutputError.notFinite }
        return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
    }

    /// A string in quotes: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`;
    /// everything else, non-ASCII included, as it is.
    static func writeString(_ string: String, to out: inout OutputBytes) {
        out.append(0x22)
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    out.append("\\u00")
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0x0F))
                }
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }

    /// The lowercase hexadecimal digit of a value below 16.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
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
