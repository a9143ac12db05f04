/// Reads the import CSV: a header row, then one row per participant with the columns
/// `delegation,category,reference,received_at,channel,role,title,name,function,gender,email,new_organization` (in
/// any order; `delegation`, `role` and `name` are required, the others may be left out; `new_organization` is `yes`
/// on a note's first row to confirm that an organization close to a known one is new). Consecutive rows with the same
/// delegation and reference form one note (the same delegation however it is typed, once `groupDelegations` has
/// given the resolver's key: "UG" then "Uganda"); the note's own fields (category, received_at, channel) are taken
/// from its first row and must not contradict it in later rows. A note's rows must be together: the same
/// delegation and reference appearing again later is an error, not a second note.
package struct CSVSubmissionSource: SubmissionSource, Sendable {
    package static let columns = [
        "delegation", "category", "reference", "received_at", "channel", "role", "title",
        "name", "function", "gender", "email", "new_organization",
    ]
    static let required: Set<String> = ["delegation", "role", "name"]

    private var reader: CSVRecordReader
    private var index: [String: Int] = [:]
    private var width = 0
    /// Positions of the participant columns, looked up once.
    private var columns: (role: Int?, title: Int?, name: Int?, function: Int?, gender: Int?, email: Int?) = (
        nil, nil, nil, nil, nil, nil
    )
    /// The note's own columns that the file has, with their positions: later rows of a note must not contradict
    /// its first row in them.
    private var noteColumns: [(name: String, position: Int)] = []
    private var pending: (key: NoteKey, record: CSVRecordReader.Record)?
    private var seenNotes: [NoteKey: Int] = [:]
    private var finished = false
    /// The key rows are grouped by: the delegation without case or diacritics, or the resolver's.
    private var delegationKey: @Sendable (String) -> String = { NameKey.of($0) }
    package private(set) var rowsRead = 0
    package var bytesRead: Int { reader.bytesRead }

    struct NoteKey: Hashable, Sendable {
        var delegation: String
        var reference: String
    }

    /// Reads and checks the header; a wrong header is thrown as the one problem of the file.
    package init(reader: CSVRecordReader) throws {
        self.reader = reader
        let header: CSVRecordReader.Record
        do {
            guard let first = try self.reader.next() else {
                throw ImportProblem(
                    line: 1, message: "the file is empty: expected a header row \(Self.columns.joined(separator: ","))")
            }
            header = first
        } catch let problem as CSVRecordReader.Problem {
            throw ImportProblem(line: problem.line, message: problem.message)
        }
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmed.lowercased()
            guard Self.columns.contains(name) else {
                throw ImportProblem(
                    line: header.line, column: raw,
                    message: "'\(raw)' is not a column: the columns are \(Self.columns.joined(separator: ","))")
            }
            guard index[name] == nil else {
                throw ImportProblem(line: header.line, column: name, message: "the column '\(name)' appears twice")
            }
            index[name] = position
        }
        let missing = Self.columns.filter { Self.required.contains($0) && index[$0] == nil }
        guard missing.isEmpty else {
            throw ImportProblem(
                line: header.line,
                message:
                    "the header lacks \(missing.joined(separator: ", ")): expected \(Self.columns.joined(separator: ","))"
            )
        }
        width = header.fields.count
        columns = (index["role"], index["title"], index["name"], index["function"], index["gender"], index["email"])
        noteColumns = ["category", "received_at", "channel", "new_organization"].compactMap { name in
            index[name].map { (name, $0) }
        }
    }

    @inline(__always)
    private func value(_ record: CSVRecordReader.Record, _ column: String) -> String? {
        guard let position = index[column] else { return nil }
        return record.fields[position].trimmedOrNil
    }

    @inline(__always)
    private func value(_ record: CSVRecordReader.Record, at position: Int?) -> String? {
        guard let position else { return nil }
        return record.fields[position].trimmedOrNil
    }

    private func rawKey(_ record: CSVRecordReader.Record) -> NoteKey {
        NoteKey(delegation: value(record, "delegation") ?? "", reference: value(record, "reference") ?? "")
    }

    package mutating func groupDelegations(by key: @escaping @Sendable (String) -> String) {
        delegationKey = key
    }

    /// The key compared across the file: the delegation as `delegationKey` gives it, and the reference.
    private func key(_ raw: NoteKey) -> NoteKey {
        NoteKey(delegation: delegationKey(raw.delegation), reference: raw.reference)
    }

    /// Whether a row belongs to the note whose first row has `first` (compared as typed first, for speed).
    private func sameNote(_ raw: NoteKey, _ first: NoteKey) -> Bool {
        if raw == first { return true }
        return raw.reference == first.reference && delegationKey(raw.delegation) == delegationKey(first.delegation)
    }

    /// The next usable row, or a problem for a row that cannot be used.
    private mutating func nextRow() throws -> Result<CSVRecordReader.Record, ImportProblem>? {
        do {
            guard let record = try reader.next() else { return nil }
            rowsRead += 1
            guard record.fields.count == width else {
                return .failure(
                    ImportProblem(
                        line: record.line, message: "\(record.fields.count) columns where the header has \(width)"))
            }
            return .success(record)
        } catch let problem as CSVRecordReader.Problem {
            rowsRead += 1
            return .failure(ImportProblem(line: problem.line, message: problem.message))
        }
    }

    package mutating func next() throws -> SourceItem? {
        guard !finished else { return nil }
        // Start a note with the row kept from last time, or the next usable row.
        var first: (key: NoteKey, record: CSVRecordReader.Record)
        if let pending {
            first = pending
            self.pending = nil
        } else {
            guard let row = try nextRow() else { finished = true; return nil }
            switch row {
            case .failure(let problem): return .problem(problem)
            case .success(let record): first = (rawKey(record), record)
            }
        }
        let noteKey = key(first.key)
        if let earlier = seenNotes[noteKey] {
            return .problem(
                ImportProblem(
                    line: first.record.line, column: "reference",
                    message:
                        "this note (same delegation and reference) already had rows ending before this one, from line \(earlier): a note's rows must be together"
                ))
        }
        seenNotes[noteKey] = first.record.line
        var records = [first.record]
        var problems: [ImportProblem] = []
        while let row = try nextRow() {
            switch row {
            case .failure(let problem):
                problems.append(problem)
                continue
            case .success(let record):
                let raw = rawKey(record)
                if sameNote(raw, first.key) {
                    records.append(record)
                    continue
                }
                pending = (raw, record)
            }
            break
        }
        // A broken row inside a note is reported with the note's other problems (the note is not recorded; the
        // import fails anyway).
        return build(records, broken: problems)
    }

    private func build(_ records: [CSVRecordReader.Record], broken: [ImportProblem]) -> SourceItem {
        let head = records[0]
        var submission = Submission(
            delegation: value(head, "delegation"), category: value(head, "category"),
            reference: value(head, "reference"), receivedAt: value(head, "received_at"),
            channel: value(head, "channel"))
        var sourced = SourcedSubmission(submission: submission, line: head.line, participantLines: [], isCSV: true)
        sourced.readProblems = broken
        sourced.hasEveryRow = broken.isEmpty
        do {
            submission.newOrganization = try Submission.confirmation(value(head, "new_organization"))
        } catch let error as InputError {
            sourced.readProblems.append(sourced.problem(error))
        } catch {
            preconditionFailure("Submission.confirmation throws only InputError")
        }
        var lines: [Int] = []
        submission.participants.reserveCapacity(records.count)
        for record in records {
            for (column, position) in noteColumns where record.line != head.line {
                if let later = value(record, at: position), later != value(head, at: position) {
                    var row = sourced
                    row.line = record.line
                    sourced.readProblems.append(
                        row.problem(
                            InputError(
                                "'\(later)' contradicts '\(value(head, at: position) ?? "")' on line \(head.line), the first row of the same note",
                                field: .key(column))))
                }
            }
            submission.participants.append(
                .init(
                    role: value(record, at: columns.role), title: value(record, at: columns.title),
                    name: value(record, at: columns.name), function: value(record, at: columns.function),
                    gender: value(record, at: columns.gender), email: value(record, at: columns.email)))
            lines.append(record.line)
        }
        sourced.submission = submission
        sourced.participantLines = lines
        return .submission(sourced)
    }
}
