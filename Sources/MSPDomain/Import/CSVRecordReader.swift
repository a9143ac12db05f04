import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming RFC 4180 reader that knows where it is: each record comes with the physical line it starts on,
/// so an import can say "FILE:LINE: column: problem".
///
/// CSV.swift, which msp uses to read its small fixtures and to write CSV, reports neither line numbers nor which
/// bytes are not UTF-8, and decodes scalar by scalar; an import of 100,000 rows needs both the positions and the
/// speed, so this reader works on bytes: fields are split on bytes and each field is validated as UTF-8 once.
/// It accepts LF and CRLF line ends, skips a UTF-8 byte-order mark and blank lines, and refuses a record longer
/// than `maxRecordBytes` (so a 100 MB line costs no more than that much memory).
package struct CSVRecordReader: Sendable {
    package struct Record: Sendable {
        package var fields: [String]
        /// The line the record starts on (1-based).
        package var line: Int
    }

    package struct Problem: Error, Equatable, Sendable {
        package var line: Int
        package var message: String
    }

    private let fd: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEOF = false
    private var line = 1
    private var startedFile = false
    private var lastFieldCount = 8
    package let maxRecordBytes: Int
    /// Bytes consumed so far, for progress.
    package private(set) var bytesRead: Int = 0

    /// Reads from an open file descriptor (not closed by the reader).
    package init(fileDescriptor: Int32, chunkSize: Int = 1 << 18, maxRecordBytes: Int = 1 << 20) {
        self.fd = fileDescriptor
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
        self.maxRecordBytes = maxRecordBytes
    }

    /// Reads text already in memory.
    package init(text: String, maxRecordBytes: Int = 1 << 20) {
        self.fd = -1
        self.buffer = Array(text.utf8)
        self.filled = buffer.count
        self.atEOF = true
        self.maxRecordBytes = maxRecordBytes
    }

    /// The records of a small table in memory (an embedded reference file) after its header, which must be
    /// `columns`; every record must have as many fields. `name` names the file in errors.
    package static func table(_ text: String, named name: String, columns: [String]) throws -> [Record] {
        var reader = CSVRecordReader(text: text)
        do {
            guard let header = try reader.next(), header.fields == columns else {
                throw InputError("\(name): the header is not \(columns.joined(separator: ","))")
            }
            var records: [Record] = []
            while let record = try reader.next() {
                guard record.fields.count == columns.count else {
                    throw InputError(
                        "\(name): line \(record.line) has \(record.fields.count) columns, not \(columns.count)")
                }
                records.append(record)
            }
            return records
        } catch let problem as Problem {
            throw InputError("\(name): line \(problem.line): \(problem.message)")
        }
    }

    private mutating func refill() throws {
        guard !atEOF else { return }
        if position < filled {
            return
        }
        position = 0
        filled = 0
        let count: Int
        do {
            // swift-system retries a read that a signal interrupts.
            count = try buffer.withUnsafeMutableBytes { try FileDescriptor(rawValue: fd).read(into: $0) }
        } catch {
            throw Problem(line: line, message: "read error: \(error)")
        }
        if count == 0 { atEOF = true }
        filled = count
    }

    @inline(__always)
    private mutating func nextByte() throws -> UInt8? {
        if position == filled {
            try refill()
            if position == filled { return nil }
        }
        let byte = buffer[position]
        position += 1
        bytesRead += 1
        return byte
    }

    @inline(__always)
    private mutating func peekByte() throws -> UInt8? {
        if position == filled {
            try refill()
            if position == filled { return nil }
        }
        return buffer[position]
    }

    /// The next record, nil at the end. A problem (bad quoting, bytes that are not UTF-8, an overlong record)
    /// is thrown after the rest of its record is skipped, so the caller can report it and go on.
    package mutating func next() throws -> Record? {
        if !startedFile {
            startedFile = true
            // Skip a UTF-8 byte-order mark.
            if try peekByte() == 0xEF {
                _ = try nextByte()
                if try nextByte() != 0xBB || nextByte() != 0xBF {
                    throw Problem(line: 1, message: "the file starts with bytes that are not UTF-8")
                }
            }
        }
        // Skip blank lines.
        while let byte = try peekByte(), byte == 0x0A || byte == 0x0D {
            _ = try nextByte()
            if byte == 0x0A { line += 1 }
        }
        guard try peekByte() != nil else { return nil }

        let startLine = line
        var fields: [String] = []
        // As many as the record before: the array is not grown field by field (five allocations a record).
        fields.reserveCapacity(lastFieldCount)
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var recordBytes = 0
        var problem: String?

        func finishField() {
            if problem == nil {
                // ASCII (almost every field) needs no validation and is copied as it is; other text is validated
                // by the standard library. `String(validating:)` of the array took its generic path, 10,000
                // instructions per record of a 20,000-row import.
                let text = field.withUnsafeBufferPointer { bytes in
                    var bits: UInt8 = 0
                    for byte in bytes { bits |= byte }
                    return bits < 0x80
                        ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
                }
                if let text {
                    fields.append(text)
                } else {
                    problem = "column \(fields.count + 1) is not valid UTF-8"
                }
            }
            field.removeAll(keepingCapacity: true)
        }

        var inQuotes = false
        var quotedFieldLine = line
        var wasQuoted = false
        while true {
            guard let byte = try nextByte() else {
                if inQuotes {
                    throw Problem(
                        line: quotedFieldLine,
                        message: "a quoted field starting on line \(quotedFieldLine) never closes")
                }
                finishField()
                break
            }
            recordBytes += 1
            if recordBytes > maxRecordBytes, problem == nil {
                problem = "the record is longer than \(maxRecordBytes / (1 << 20)) MB"
            }
            if inQuotes {
                if byte == 0x22 {
                    if try peekByte() == 0x22 {
                        _ = try nextByte()
                        if problem == nil { field.append(0x22) }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    if problem == nil { field.append(byte) }
                    // The rest of the quoted text up to a quote or a line end, in one step.
                    let run = ordinaryRun(stoppingAt: 0x22, 0x0A, 0x0A)
                    takeRun(run, into: &field, keep: problem == nil)
                    recordBytes += run
                }
                continue
            }
            switch byte {
            case 0x2C:  // ,
                finishField()
                wasQuoted = false
            case 0x0A:
                line += 1
                finishField()
                return try deliver(fields, startLine, problem)
            case 0x0D:
                if try peekByte() == 0x0A { continue }
                line += 1
                finishField()
                return try deliver(fields, startLine, problem)
            case 0x22 where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                quotedFieldLine = line
            default:
                if wasQuoted, problem == nil {
                    problem = "text after the closing quote of column \(fields.count + 1)"
                }
                if problem == nil { field.append(byte) }
                // The rest of the field up to a comma, a line end or a quote, in one step.
                let run = ordinaryRun(stoppingAt: 0x2C, 0x0A, 0x0D, quote: true)
                takeRun(run, into: &field, keep: problem == nil)
                recordBytes += run
            }
        }
        return try deliver(fields, startLine, problem)
    }

    /// How many bytes from the current position, within what is buffered, are none of `a`, `b`, `c` (nor a quote
    /// with `quote`): bytes the record loop would only append one by one.
    @inline(__always)
    private func ordinaryRun(stoppingAt a: UInt8, _ b: UInt8, _ c: UInt8, quote: Bool = false) -> Int {
        buffer.withUnsafeBufferPointer { bytes in
            var end = position
            while end < filled {
                let byte = bytes[end]
                if byte == a || byte == b || byte == c || (quote && byte == 0x22) { break }
                end += 1
            }
            return end - position
        }
    }

    /// Consumes `count` buffered bytes, appending them to `field` when `keep`.
    @inline(__always)
    private mutating func takeRun(_ count: Int, into field: inout [UInt8], keep: Bool) {
        guard count > 0 else { return }
        if keep { field.append(contentsOf: buffer[position..<(position + count)]) }
        position += count
        bytesRead += count
    }

    private mutating func deliver(_ fields: [String], _ line: Int, _ problem: String?) throws -> Record {
        lastFieldCount = fields.count
        if let problem { throw Problem(line: line, message: problem) }
        return Record(fields: fields, line: line)
    }
}
