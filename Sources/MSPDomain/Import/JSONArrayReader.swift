import SystemPackage

/// Reads a JSON array from a file descriptor one element at a time, so that importing an array holds one
/// submission in memory, not the file.
///
/// Hand-written: Foundation's `JSONDecoder` and `JSONSerialization` take a whole document, and no package available
/// here streams JSON. This reader only finds where each element begins and ends (it follows strings, their escapes
/// and the nesting of brackets) and checks the punctuation between elements; each element is then scanned and
/// decoded by `SubmissionJSON.decodeScanned`, as strictly as one line of newline-delimited JSON is.
struct JSONArrayReader: Sendable {
    private let fd: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var eof = false
    /// The line of the next byte, from 1.
    private(set) var line = 1
    private(set) var bytesRead = 0
    private var opened = false
    private var closed = false
    private var elements = 0
    /// An element longer than this is refused, as a longer line of newline-delimited JSON is.
    let maxElementBytes: Int

    /// `buffered` are bytes already read from `fd` (the start of the file).
    init(fileDescriptor fd: Int32, buffered: [UInt8], maxElementBytes: Int) {
        self.fd = fd
        self.buffer = buffered
        self.maxElementBytes = maxElementBytes
    }

    /// A problem of the array's punctuation, at the line being read.
    private func fail(_ message: String, line: Int? = nil) -> ImportProblem {
        ImportProblem(line: line ?? self.line, message: "not valid JSON: \(message)")
    }

    /// The next byte without consuming it; nil at the end of the file.
    private mutating func peek() throws -> UInt8? {
        if position == buffer.count {
            guard !eof else { return nil }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            buffer.reserveCapacity(1 << 16)
            let count: Int
            do {
                // swift-system retries a read that a signal interrupts.
                count = try withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 1) {
                    let count = try FileDescriptor(rawValue: fd).read(into: $0)
                    buffer.append(contentsOf: $0[0..<count])
                    return count
                }
            } catch {
                throw ImportProblem(line: line, message: "read error: \(error)")
            }
            if count == 0 { eof = true; return nil }
        }
        return buffer[position]
    }

    private mutating func advance() {
        if buffer[position] == 0x0A { line += 1 }
        position += 1
        bytesRead += 1
    }

    private mutating func skipSpace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// The next element's bytes, its first line and its index; nil after the closing bracket.
    mutating func next() throws -> (bytes: [UInt8], line: Int, index: Int)? {
        if closed { return nil }
        if !opened {
            opened = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; bytesRead = 3 }
            try skipSpace()
            advance()  // the '[' the caller saw
            try skipSpace()
            if try peek() == UInt8(ascii: "]") { return try close() }
        } else {
            try skipSpace()
            switch try peek() {
            case UInt8(ascii: ","):
                advance()
                try skipSpace()
                if try peek() == UInt8(ascii: "]") { throw fail("a comma before ']': remove it") }
            case UInt8(ascii: "]"):
                return try close()
            case nil:
                throw fail("the file ends in the middle of an array")
            case let byte:
                throw fail("unexpected \(describe(byte)): expected ',' or ']' (a missing comma?)")
            }
        }
        let start = line
        let bytes = try element()
        defer { elements += 1 }
        return (bytes, start, elements)
    }

    /// After the closing bracket, only white space may follow.
    private mutating func close() throws -> (bytes: [UInt8], line: Int, index: Int)? {
        advance()
        closed = true
        try skipSpace()
        if let byte = try peek() { throw fail("text after the end of the JSON value (\(describe(byte)))") }
        return nil
    }

    /// One element's bytes: an object or array up to its closing bracket, a string up to its closing quote, or
    /// a bare word or number up to the punctuation after it. What is inside is checked when it is scanned.
    private mutating func element() throws -> [UInt8] {
        var out: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        while let byte = try peek() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                } else if byte == 0x0A {
                    // Unclosed on its line: the scanner says so, at this line.
                    break
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    if depth > JSONScanner.Scanner.maximumDepth {
                        throw fail(
                            "values nested more than \(JSONScanner.Scanner.maximumDepth) levels deep: not a submission")
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                    // Only after a bare word or number: an object, array or string ends at its own closing byte.
                    if depth == 0 {
                        guard !out.isEmpty else { throw fail("unexpected \(describe(byte)): expected a JSON value") }
                        return out
                    }
                    if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
                default:
                    break
                }
            }
            out.append(byte)
            advance()
            if out.count > maxElementBytes {
                throw fail("element \(elements) of the array is longer than \(maxElementBytes / (1 << 20)) MB")
            }
            // A closing bracket or quote at the top ends the element.
            let closing = byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\"")
            if depth == 0 && !inString && closing { return out }
        }
        return out
    }
}
