import Foundation
import SystemPackage

/// Reads submissions in the `msp register --file` format: either one JSON array of them, or one submission
/// object per line (newline-delimited JSON). Both are streamed: an array is read element by element
/// (`JSONArrayReader`), so memory holds one submission at a time whatever the file's size.
package struct JSONSubmissionSource: SubmissionSource, Sendable {
    private var array: JSONArrayReader?
    private var lines: LineReader?
    package private(set) var rowsRead = 0
    package var bytesRead: Int { array?.bytesRead ?? lines?.bytesRead ?? 0 }

    package init(fileDescriptor: Int32) throws {
        var reader = LineReader(fileDescriptor: fileDescriptor)
        // Decide the form by the first character that is not white space.
        let prefix = try reader.peekChunk() ?? Data()
        var offset = prefix.startIndex
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { offset += 3 }
        while offset < prefix.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[offset]) { offset += 1 }
        if offset < prefix.endIndex, prefix[offset] == UInt8(ascii: "[") {
            array = JSONArrayReader(
                fileDescriptor: fileDescriptor, buffered: [UInt8](prefix), maxElementBytes: reader.maxLineBytes)
        } else {
            lines = reader
        }
    }

    package mutating func next() throws -> SourceItem? {
        if array != nil {
            guard let (bytes, line, index) = try array!.next() else { return nil }
            rowsRead += 1
            // As strict as `msp register --file`; the element's lines are counted from its first line.
            let offset = line - 1
            do {
                let (submission, scan) = try SubmissionJSON.decodeScanned(Data(bytes), index: index)
                let participantLines = submission.participants.indices.map {
                    (scan.line(of: FieldPath.participant($0)) ?? 1) + offset
                }
                return .submission(
                    SourcedSubmission(
                        submission: submission, line: line, participantLines: participantLines, isCSV: false
                    ).withPathPrefix(index))
            } catch let error as JSONInputError {
                // As a broken array was before it was streamed: the one problem of the file.
                throw ImportProblem(line: (error.line ?? 1) + offset, message: error.error.message)
            }
        }
        guard lines != nil else { return nil }
        while let (line, number) = try lines!.nextLine() {
            var bytes = line
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { continue }
            rowsRead += 1
            if bytes.count > lines!.maxLineBytes {
                return .problem(
                    ImportProblem(
                        line: number, message: "the line is longer than \(lines!.maxLineBytes / (1 << 20)) MB"))
            }
            do {
                // As strict as `msp register --file`: a key given twice, a trailing comma... are refused.
                let (submission, _) = try SubmissionJSON.decodeScanned(bytes)
                return .submission(
                    SourcedSubmission(
                        submission: submission, line: number,
                        participantLines: Array(repeating: number, count: submission.participants.count),
                        isCSV: false))
            } catch let error as JSONInputError {
                return .problem(ImportProblem(line: number, message: error.error.message))
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

/// Reads a file descriptor line by line (LF; a CR before it is dropped), with line numbers; a line longer than
/// `maxLineBytes` is returned truncated to that length plus one byte, so memory stays bounded.
struct LineReader: Sendable {
    private let fd: Int32
    private var buffer = Data()
    private var eof = false
    private var number = 0
    let maxLineBytes = 1 << 20
    private(set) var bytesRead = 0

    init(fileDescriptor: Int32) { self.fd = fileDescriptor }

    private mutating func fill() throws -> Bool {
        guard !eof else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count: Int
        do {
            // swift-system retries a read that a signal interrupts.
            count = try chunk.withUnsafeMutableBytes { try FileDescriptor(rawValue: fd).read(into: $0) }
        } catch {
            throw ImportProblem(line: number, message: "read error: \(error)")
        }
        if count == 0 { eof = true; return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    mutating func peekChunk() throws -> Data? {
        if buffer.isEmpty { _ = try fill() }
        return buffer
    }

    mutating func nextLine() throws -> (Data, Int)? {
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
