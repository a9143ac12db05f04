/// A problem with one place of an import file: "FILE:LINE: column: what is wrong".
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var column: String?
    public var message: String

    public init(line: Int?, column: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        [line.map { "line \($0)" }, column, message].compactMap { $0 }.joined(separator: ": ")
    }

    /// "FILE:LINE: column: message".
    public func located(in file: String) -> String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "\(column): " }
        return text + message
    }
}

/// A submission read from an import file, with where each part of it came from.
public struct SourcedSubmission: Sendable {
    public var submission: Submission
    /// The line of the note (its first row, or its JSON object).
    public var line: Int
    /// The line of each participant (its row in CSV; the object's line in JSON).
    public var participantLines: [Int]
    /// Whether fields are CSV columns (`name`) or JSON paths (`participants[2].name`).
    public var isCSV: Bool
    /// For a submission of a JSON array: its index, which prefixes the paths in problems.
    public var arrayIndex: Int?

    public init(submission: Submission, line: Int, participantLines: [Int], isCSV: Bool) {
        self.submission = submission
        self.line = line
        self.participantLines = participantLines
        self.isCSV = isCSV
    }

    /// Where a problem named by a `SubmissionFields.json` path lies.
    public func problem(_ error: InputError) -> ImportProblem {
        guard let field = error.field else {
            return ImportProblem(line: line, column: arrayIndex.map { "[\($0)]" }, message: error.message)
        }
        if field.hasPrefix("participants["), let close = field.firstIndex(of: "]"),
           let index = Int(field[field.index(field.startIndex, offsetBy: 13)..<close]) {
            let rest = field[field.index(after: close)...].drop(while: { $0 == "." })
            let participantLine = index < participantLines.count ? participantLines[index] : line
            if let arrayIndex { return ImportProblem(line: participantLine, column: "[\(arrayIndex)].\(field)", message: error.message) }
            if isCSV {
                return ImportProblem(line: participantLine, column: rest.isEmpty ? nil : String(rest), message: error.message)
            }
            return ImportProblem(line: participantLine, column: field, message: error.message)
        }
        if field == "participants" && isCSV {
            return ImportProblem(line: line, column: "role", message: error.message)
        }
        return ImportProblem(line: line, column: arrayIndex.map { "[\($0)].\(field)" } ?? field, message: error.message)
    }
}

/// Where an import reads from: yields submissions one note at a time, or the problems of rows it cannot use.
public protocol SubmissionSource {
    /// The next note or problem; nil at the end. Throws only when reading cannot go on (a broken header,
    /// unreadable input).
    mutating func next() throws -> SourceItem?
    /// Rows (CSV) or objects (JSON) read so far.
    var rowsRead: Int { get }
    /// Bytes read so far.
    var bytesRead: Int { get }
}

public enum SourceItem: Sendable {
    case submission(SourcedSubmission)
    case problem(ImportProblem)
}
