/// A problem with one place of an import file: "FILE:LINE: column: what is wrong".
package struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    package var line: Int?
    package var column: String?
    package var message: String

    package init(line: Int?, column: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String {
        [line.map { "line \($0)" }, column, message].compactMap { $0 }.joined(separator: ": ")
    }

    /// "FILE:LINE: column: message".
    package func located(in file: String) -> String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "\(column): " }
        return text + message
    }
}

/// A submission read from an import file, with where each part of it came from.
package struct SourcedSubmission: Sendable {
    package var submission: Submission
    /// The line of the note (its first row, or its JSON object).
    package var line: Int
    /// The line of each participant (its row in CSV; the object's line in JSON).
    package var participantLines: [Int]
    /// Whether fields are CSV columns (`name`) or JSON paths (`participants[2].name`).
    package var isCSV: Bool
    /// For a submission of a JSON array: its index, which prefixes the paths in problems.
    package var arrayIndex: Int?
    /// Problems the reader found in the note's rows (a later row contradicting the first, a row it could not use),
    /// reported with those its fields' check finds: every problem of every row, in one pass.
    package var readProblems: [ImportProblem] = []
    /// False when a row of the note could not be read at all: its participants are not all there, so the
    /// composition (one head) is not checked.
    package var hasEveryRow = true

    package init(submission: Submission, line: Int, participantLines: [Int], isCSV: Bool) {
        self.submission = submission
        self.line = line
        self.participantLines = participantLines
        self.isCSV = isCSV
    }

    /// Where a problem of this submission lies: the participant's row (CSV) or object (JSON) for a problem of one
    /// participant, else the note's; named by its CSV column, or by its JSON key path (`[3].participants[2].name`
    /// inside an array).
    package func problem(_ error: InputError) -> ImportProblem {
        var line = self.line
        if let index = error.field?.participantIndex, index < participantLines.count { line = participantLines[index] }
        let column: String?
        if isCSV {
            // A CSV row is one participant: its columns are the participant's keys and the note's own keys.
            column = error.field == .participants ? "role" : error.field?.leaf
        } else {
            let prefix = arrayIndex.map { FieldPath([.index($0)]) }
            let path = error.field.map { field in prefix.map { field.inside($0) } ?? field } ?? prefix
            column = path?.description
        }
        return ImportProblem(line: line, column: column, message: error.message)
    }

    /// Every problem of this submission: those its rows had when read, and `errors` its check found (less the
    /// composition's when a row is missing), in the order of their lines, each line's in the order of its fields.
    package func problems(_ errors: [InputError]) -> [ImportProblem] {
        let checked = errors.filter { hasEveryRow || $0.field != .participants }.map(problem)
        return (readProblems + checked).enumerated().sorted {
            ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
        }.map(\.element)
    }
}

/// Where an import reads from: yields submissions one note at a time, or the problems of rows it cannot use.
package protocol SubmissionSource: Sendable {
    /// The next note or problem; nil at the end. Throws only when reading cannot go on (a broken header,
    /// unreadable input).
    mutating func next() throws -> SourceItem?
    /// Rows (CSV) or objects (JSON) read so far.
    var rowsRead: Int { get }
    /// Bytes read so far.
    var bytesRead: Int { get }
    /// See the extension's default, which does nothing.
    mutating func groupDelegations(by key: @escaping @Sendable (String) -> String)
}

extension SubmissionSource {
    /// Groups rows into notes by `key` of their delegation's name (a resolver's `delegationKey`) rather than by
    /// how the name is typed. A source whose notes are whole objects (JSON) has nothing to group.
    package mutating func groupDelegations(by key: @escaping @Sendable (String) -> String) {}
}

package enum SourceItem: Sendable {
    case submission(SourcedSubmission)
    case problem(ImportProblem)
}

/// Submissions already in memory (a fixture, a web form's batch), read as an import reads a file: the n-th
/// submission is on "line" n.
package struct SubmissionList: SubmissionSource {
    private let submissions: [Submission]
    package private(set) var rowsRead = 0
    package var bytesRead: Int { 0 }

    package init(_ submissions: [Submission]) { self.submissions = submissions }

    package mutating func next() throws -> SourceItem? {
        guard rowsRead < submissions.count else { return nil }
        rowsRead += 1
        let submission = submissions[rowsRead - 1]
        return .submission(
            SourcedSubmission(
                submission: submission, line: rowsRead,
                participantLines: submission.participants.map { _ in rowsRead }, isCSV: false))
    }
}
