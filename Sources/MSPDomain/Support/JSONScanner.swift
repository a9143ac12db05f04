import Foundation

/// A strict reading of a JSON text before it is decoded, so that every problem names its line: invalid UTF-8,
/// a byte-order mark or UTF-16, syntax errors (trailing commas included), control characters in strings,
/// a key given twice in one object (which value would count is ambiguous), text after the value.
/// It also records the line on which each value starts, by key path (`participants[1].role`), so that a
/// problem found later (two heads, an unknown role) can name its line too.
package struct JSONScan: Sendable {
    /// The line (from 1) where the value at each path starts; the top level is "".
    package var lines: [String: Int]

    /// The line of the value at `path`, or of its nearest enclosing value that has one.
    package func line(of field: FieldPath?) -> Int? {
        guard var components = field?.components else { return lines[""] }
        while true {
            if let line = lines[FieldPath(components).description] { return line }
            guard !components.isEmpty else { return nil }
            components.removeLast()
        }
    }
}

/// A problem in a JSON text, at a line.
package struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    package var line: Int
    package var message: String
    package var description: String { "line \(line): \(message)" }
}

package enum JSONScanner {
    /// Scans `data` as one JSON value. Throws `JSONSyntaxError` at the first problem.
    ///
    /// `recordedDepth` bounds the paths whose lines are kept (1: `[0]`; 3: `[0].participants[1]`), so that a
    /// large array of submissions costs a line per participant, not one per field.
    package static func scan(_ data: Data, recordedDepth: Int = .max) throws -> JSONScan {
        var scanner = Scanner(bytes: [UInt8](data))
        scanner.recordedDepth = recordedDepth
        return try scanner.run()
    }

    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var lines: [String: Int] = [:]
        var depth = 0
        var recordedDepth = Int.max
        /// Deeper nesting than any submission needs is refused before it can exhaust the stack.
        static let maximumDepth = 64

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ message: String, line: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(line: line ?? self.line, message: message)
        }

        mutating func run() throws -> JSONScan {
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                throw fail("the file is in UTF-16: save it as UTF-8")
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                throw fail("the file begins with a byte-order mark (U+FEFF): save it as UTF-8 without BOM")
            }
            try checkUTF8()
            skipSpace()
            if i == bytes.count { throw fail("the file is empty: expected a JSON object") }
            try value("")
            skipSpace()
            if i < bytes.count { throw fail("text after the end of the JSON value (\(describe(bytes[i])))") }
            return JSONScan(lines: lines)
        }

        /// Invalid UTF-8 is reported at its line, before anything else.
        mutating func checkUTF8() throws {
            var line = 1
            var k = 0
            while k < bytes.count {
                let b = bytes[k]
                if b == 0x0A { line += 1 }
                if b < 0x80 { k += 1; continue }
                let length: Int
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default:
                    throw fail(
                        "invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))): save the file as UTF-8",
                        line: line)
                }
                guard k + length <= bytes.count,
                    String(validating: bytes[k..<(k + length)], as: UTF8.self) != nil
                else {
                    throw fail(
                        "invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))): save the file as UTF-8",
                        line: line)
                }
                k += length
            }
        }

        func describe(_ byte: UInt8) -> String {
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x09, 0x0D: i += 1
                case 0x0A:
                    line += 1
                    i += 1
                default: return
                }
            }
        }

        mutating func expectMore(_ what: String) throws {
            if i >= bytes.count { throw fail("the file ends in the middle of \(what)") }
        }

        mutating func value(_ path: String) throws {
            skipSpace()
            try expectMore("the JSON value")
            if depth <= recordedDepth { lines[path] = line }
            depth += 1
            defer { depth -= 1 }
            guard depth <= Scanner.maximumDepth else {
                throw fail("values nested more than \(Scanner.maximumDepth) levels deep: not a submission")
            }
            switch bytes[i] {
            case UInt8(ascii: "{"): try object(path)
            case UInt8(ascii: "["): try array(path)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw fail("unexpected \(describe(bytes[i])): expected a JSON value")
            }
        }

        mutating func object(_ path: String) throws {
            i += 1
            var keys: [String: Int] = [:]
            skipSpace()
            try expectMore("an object")
            if bytes[i] == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipSpace()
                try expectMore("an object")
                guard bytes[i] == UInt8(ascii: "\"") else {
                    if bytes[i] == UInt8(ascii: "}") { throw fail("a comma before '}': remove it") }
                    throw fail("unexpected \(describe(bytes[i])): expected a key in double quotes")
                }
                let keyLine = line
                let key = try string()
                if let first = keys[key] {
                    throw fail(
                        "the key '\(key)' appears twice in one object (also on line \(first)): which one counts is ambiguous",
                        line: keyLine)
                }
                keys[key] = keyLine
                skipSpace()
                try expectMore("an object")
                guard bytes[i] == UInt8(ascii: ":") else {
                    throw fail("unexpected \(describe(bytes[i])): expected ':' after the key '\(key)'")
                }
                i += 1
                try value(path.isEmpty ? key : "\(path).\(key)")
                skipSpace()
                try expectMore("an object")
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return }
                throw fail("unexpected \(describe(bytes[i])): expected ',' or '}' (a missing comma?)")
            }
        }

        mutating func array(_ path: String) throws {
            i += 1
            skipSpace()
            try expectMore("an array")
            if bytes[i] == UInt8(ascii: "]") { i += 1; return }
            var index = 0
            while true {
                skipSpace()
                try expectMore("an array")
                if bytes[i] == UInt8(ascii: "]") { throw fail("a comma before ']': remove it") }
                try value("\(path)[\(index)]")
                index += 1
                skipSpace()
                try expectMore("an array")
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return }
                throw fail("unexpected \(describe(bytes[i])): expected ',' or ']' (a missing comma?)")
            }
        }

        mutating func string() throws -> String {
            let startLine = line
            i += 1
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else {
                    throw fail("a string is not closed (it opens on line \(startLine))", line: startLine)
                }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; break }
                if b < 0x20 {
                    throw fail(
                        b == 0x0A
                            ? "a string is not closed on its line (it opens on line \(startLine))"
                            : "a control character (byte 0x\(String(b, radix: 16, uppercase: true))) inside a string: write it escaped"
                    )
                }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    try expectMore("a string")
                    // Decoded, so that a key written with escapes ("deleg\u0061tion") is compared as the key it is.
                    switch bytes[i] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                        out.append(bytes[i])
                        i += 1
                    case UInt8(ascii: "b"): out.append(0x08); i += 1
                    case UInt8(ascii: "f"): out.append(0x0C); i += 1
                    case UInt8(ascii: "n"): out.append(0x0A); i += 1
                    case UInt8(ascii: "r"): out.append(0x0D); i += 1
                    case UInt8(ascii: "t"): out.append(0x09); i += 1
                    case UInt8(ascii: "u"):
                        var unit = try hexUnit()
                        // A high surrogate followed by an escaped low one is one character.
                        if (0xD800..<0xDC00).contains(unit), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                            bytes[i + 1] == UInt8(ascii: "u")
                        {
                            i += 1
                            let low = try hexUnit()
                            if (0xDC00..<0xE000).contains(low) {
                                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                out.append(contentsOf: Array("\u{FFFD}".utf8))
                                unit = low
                            }
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(unit) ?? "\u{FFFD}").utf8))
                    default:
                        throw fail("'\\\(Character(UnicodeScalar(bytes[i])))' is not a JSON escape")
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// The four hexadecimal digits after `\u` (the index is on the `u`), read and passed.
        mutating func hexUnit() throws -> UInt32 {
            guard i + 4 < bytes.count,
                let unit = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16),
                bytes[(i + 1)...(i + 4)].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
            else {
                throw fail("a \\u escape needs four hexadecimal digits")
            }
            i += 5
            return unit
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
                throw fail("unexpected \(describe(bytes[i])): expected a JSON value (strings go in double quotes)")
            }
            i += w.count
        }

        mutating func number() throws {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
                return i - s
            }
            guard i < bytes.count else { throw fail("a number is cut short") }
            if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw fail("not a number") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1; if digits() == 0 { throw fail("a number is cut short") }
            }
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                if digits() == 0 { throw fail("a number is cut short") }
            }
            _ = start
        }
    }
}
