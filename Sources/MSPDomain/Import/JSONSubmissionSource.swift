import Foundation

/// Reads submissions in the `msp register --file` format: either one JSON array of them (read whole), or one
/// submission object per line (newline-delimited JSON, streamed).
public struct JSONSubmissionSource: SubmissionSource {
    private var pendingArray: [Submission]?
    private var arrayIndex = 0
    private let lines: LineReader?
    public private(set) var rowsRead = 0
    public var bytesRead: Int { lines?.bytesRead ?? totalBytes }
    private var totalBytes = 0

    /// `firstBytes` are the first bytes of the input, already read, so the form can be decided.
    public init(fileDescriptor: Int32) throws {
        let reader = LineReader(fileDescriptor: fileDescriptor)
        // Decide the form by the first character that is not white space.
        var prefix = Data()
        while let chunk = try reader.peekChunk(), !chunk.isEmpty {
            prefix = chunk
            break
        }
        var offset = prefix.startIndex
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { offset += 3 }
        while offset < prefix.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[offset]) { offset += 1 }
        if offset < prefix.endIndex, prefix[offset] == UInt8(ascii: "[") {
            var data = try reader.readAll()
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            totalBytes = data.count
            do {
                pendingArray = try SubmissionJSON.decodeArray(data)
            } catch let error as InputError {
                throw ImportProblem(line: JSONLine.of(error.message, in: data), message: error.message)
            }
            lines = nil
        } else {
            lines = reader
        }
    }

    public mutating func next() throws -> SourceItem? {
        if let array = pendingArray {
            guard arrayIndex < array.count else { return nil }
            defer { arrayIndex += 1 }
            rowsRead += 1
            return .submission(SourcedSubmission(submission: array[arrayIndex], line: 1,
                                                 participantLines: [], isCSV: false).withPathPrefix(arrayIndex))
        }
        guard let lines else { return nil }
        while let (line, number) = try lines.nextLine() {
            var bytes = line
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { continue }
            rowsRead += 1
            if bytes.count > lines.maxLineBytes {
                return .problem(ImportProblem(line: number, message: "the line is longer than \(lines.maxLineBytes / (1 << 20)) MB"))
            }
            do {
                let submission = try SubmissionJSON.decode(bytes)
                return .submission(SourcedSubmission(submission: submission, line: number,
                                                     participantLines: Array(repeating: number, count: submission.participants.count),
                                                     isCSV: false))
            } catch let error as InputError {
                return .problem(ImportProblem(line: number, message: error.message))
            }
        }
        return nil
    }
}

extension SourcedSubmission {
    /// For submissions of a JSON array: problems are named `[index].field`.
    func withPathPrefix(_ index: Int) -> SourcedSubmission {
        var copy = self
        copy.arrayIndex = index
        return copy
    }
}

/// The line of a JSON parse error, when Foundation's message names one ("around line 3, column 5").
enum JSONLine {
    static func of(_ message: String, in data: Data) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}

/// Reads a file descriptor line by line (LF; a CR before it is dropped), with line numbers; a line longer than
/// `maxLineBytes` is returned truncated to that length plus one byte, so memory stays bounded.
final class LineReader {
    private let fd: Int32
    private var buffer = Data()
    private var eof = false
    private var number = 0
    let maxLineBytes = 1 << 20
    private(set) var bytesRead = 0

    init(fileDescriptor: Int32) { self.fd = fileDescriptor }

    private func fill() throws -> Bool {
        guard !eof else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportProblem(line: number, message: "read error: \(String(cString: strerror(errno)))")
            }
            if count == 0 { eof = true; return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    func peekChunk() throws -> Data? {
        if buffer.isEmpty { _ = try fill() }
        return buffer
    }

    func readAll() throws -> Data {
        while try fill() {}
        defer { bytesRead += buffer.count; buffer.removeAll() }
        return buffer
    }

    func nextLine() throws -> (Data, Int)? {
        var skipping = false
        var kept = Data()
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                bytesRead += line.count + 1
                buffer.removeSubrange(buffer.startIndex...newline)
                number += 1
                if skipping {
                    return (kept, number)
                }
                if line.last == 0x0D { line = line.dropLast() }
                return (Data(line), number)
            }
            if buffer.count > maxLineBytes {
                // Keep only enough to know the line is too long.
                if !skipping { kept = Data(buffer.prefix(maxLineBytes + 1)); skipping = true }
                bytesRead += buffer.count
                buffer.removeAll()
            }
            if try !fill() {
                guard !buffer.isEmpty || skipping else { return nil }
                number += 1
                bytesRead += buffer.count
                defer { buffer.removeAll() }
                return (skipping ? kept : buffer, number)
            }
        }
    }
}
