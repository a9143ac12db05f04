import Foundation
import Testing

@testable import MSPDomain

/// Reading import files: the CSV record reader, the grouping of rows into notes, the JSON forms.
@Suite struct ImportReadingTests {
    /// Writes `bytes` to a temporary file and opens it for reading.
    static func descriptor(_ bytes: [UInt8]) throws -> Int32 {
        let url = FileManager.default.temporaryDirectory.appending(path: "msp-import-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        let fd = open(url.path, O_RDONLY)
        try #require(fd >= 0)
        unlink(url.path)
        return fd
    }

    static func records(_ text: String, maxRecordBytes: Int = 1 << 20) throws -> [Result<
        CSVRecordReader.Record, CSVRecordReader.Problem
    >] {
        let fd = try descriptor(Array(text.utf8))
        defer { close(fd) }
        var reader = CSVRecordReader(fileDescriptor: fd, chunkSize: 7, maxRecordBytes: maxRecordBytes)
        var out: [Result<CSVRecordReader.Record, CSVRecordReader.Problem>] = []
        while true {
            do {
                guard let record = try reader.next() else { break }
                out.append(.success(record))
            } catch let problem as CSVRecordReader.Problem {
                out.append(.failure(problem))
                if problem.message.contains("never closes") { break }
            }
        }
        return out
    }

    @Test func quotedFieldsEscapedQuotesAndLineBreaksInsideQuotes() throws {
        // A chunk size of 7 bytes makes every field cross a buffer boundary.
        let rows = try Self.records("a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast,row,here")
        let records = rows.compactMap { try? $0.get() }
        #expect(
            records.map(\.fields) == [
                ["a", "b, with comma", "say \"hi\""], ["two\nlines", "x", ""], ["last", "row", "here"],
            ])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkAndBlankLinesAreSkipped() throws {
        let rows = try Self.records("\u{FEFF}h1,h2\n\n\r\nv1,v2\n\n")
        let records = rows.compactMap { try? $0.get() }
        #expect(records.map(\.fields) == [["h1", "h2"], ["v1", "v2"]])
        #expect(records.map(\.line) == [1, 4])
    }

    @Test func bytesThatAreNotUTF8AreAProblemOfTheirLineOnly() throws {
        var bytes = Array("ok,1\nbad,".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\nok,2\n".utf8)
        let fd = try Self.descriptor(bytes)
        defer { close(fd) }
        var reader = CSVRecordReader(fileDescriptor: fd)
        #expect(try reader.next()?.fields == ["ok", "1"])
        #expect(throws: CSVRecordReader.Problem(line: 2, message: "column 2 is not valid UTF-8")) { try reader.next() }
        #expect(try reader.next()?.fields == ["ok", "2"])
    }

    @Test func anUnclosedQuoteIsReportedWithTheLineItStartsOn() throws {
        let rows = try Self.records("a,b\n\"open,c\nmore\n")
        guard case .failure(let problem) = rows.last else { Issue.record("expected a problem"); return }
        #expect(problem.line == 2)
        #expect(problem.message.contains("never closes"))
    }

    @Test func textAfterAClosingQuoteIsAProblem() throws {
        let rows = try Self.records("\"a\"b,c\nd,e\n")
        guard case .failure(let problem) = rows.first else { Issue.record("expected a problem"); return }
        #expect(problem.line == 1)
        #expect(try rows.last?.get().fields == ["d", "e"])
    }

    @Test func anOverlongRecordIsRefusedWithoutKeepingIt() throws {
        let long = String(repeating: "x", count: 5000)
        let rows = try Self.records("a,b\n\(long),y\nc,d\n", maxRecordBytes: 1000)
        #expect(rows.count == 3)
        guard case .failure(let problem) = rows[1] else { Issue.record("expected a problem"); return }
        #expect(problem.line == 2)
        #expect(try rows[2].get().fields == ["c", "d"])
    }

    // MARK: Rows into notes

    static func items(_ csv: String, groupedBy resolver: DelegationResolver? = nil) throws -> [SourceItem] {
        let fd = try descriptor(Array(csv.utf8))
        defer { close(fd) }
        var source = try CSVSubmissionSource(reader: CSVRecordReader(fileDescriptor: fd))
        if let resolver { source.groupDelegations { resolver.delegationKey($0) } }
        var items: [SourceItem] = []
        while let item = try source.next() { items.append(item) }
        return items
    }

    static let header = "delegation,category,reference,received_at,channel,role,title,name,function,gender,email\n"

    @Test func consecutiveRowsWithTheSameDelegationAndReferenceFormOneNote() throws {
        let items = try Self.items(
            Self.header + """
                Uganda,,Note 45/2017,2017-08-15,email,head,H.E. Mr.,John Doe,Ambassador,male,
                UGANDA,,Note 45/2017,,,alternate,Ms.,Jane Roe,,female,
                Kenya,,Note 3,2017-08-16,post,head,Ms.,Wanjiru Kamau,,,
                """)
        let notes = items.compactMap { if case .submission(let s) = $0 { return s } else { return nil } }
        #expect(notes.count == 2)
        #expect(notes[0].submission.delegation == "Uganda")
        #expect(notes[0].submission.participants.map(\.name) == ["John Doe", "Jane Roe"])
        #expect(notes[0].participantLines == [2, 3])
        #expect(notes[1].line == 4)
        #expect(notes[1].submission.channel == "post")
    }

    /// Grouped by the resolver, rows naming one State by code and by name under one reference are one note, and a
    /// later row of that note is "not together" whichever way it names the State.
    @Test func rowsAreGroupedByTheDelegationTheyResolveTo() throws {
        let csv =
            Self.header + """
                UG,,Note 45/2017,2017-08-15,email,head,H.E. Mr.,John Doe,,male,
                Uganda,,Note 45/2017,,,alternate,Ms.,Jane Roe,,female,
                Kenya,,Note 3,2017-08-16,post,head,Ms.,Wanjiru Kamau,,,
                UGA,,Note 45/2017,,,adviser,Mr.,Late Row,,,
                """
        let notes = { (items: [SourceItem]) in
            items.compactMap { if case .submission(let s) = $0 { return s } else { return nil } }
        }
        let typed = try Self.items(csv)
        #expect(notes(typed).count == 4, "without a resolver, names are compared as typed")
        let grouped = try Self.items(csv, groupedBy: Fixtures.resolver())
        #expect(notes(grouped).map(\.submission.participants.count) == [2, 1])
        let problems = grouped.compactMap { if case .problem(let p) = $0 { return p } else { return nil } }
        #expect(problems.map(\.line) == [5])
        #expect(problems.first?.message.contains("a note's rows must be together") == true)
    }

    @Test func columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws {
        let items = try Self.items("name,role,delegation\nJohn Doe,head,Uganda\n")
        guard case .submission(let note) = items.first else { Issue.record("expected a note"); return }
        #expect(note.submission.participants.first?.name == "John Doe")
        #expect(note.submission.reference == nil)
    }

    @Test(arguments: [
        ("delegation,role\nUganda,head\n", "lacks name"),
        ("delegation,role,name,colour\nUganda,head,X,red\n", "'colour' is not a column"),
        ("delegation,role,name,name\n", "appears twice"),
        ("", "the file is empty"),
    ])
    func aWrongHeaderStopsTheImport(csv: String, expected: String) throws {
        do {
            _ = try Self.items(csv)
            Issue.record("expected the header to be refused")
        } catch let problem as ImportProblem {
            #expect(problem.line == 1)
            #expect(problem.description.contains(expected), "\(problem)")
        }
    }

    @Test func raggedRowsAndScatteredNotesAndContradictionsAreProblemsWithLines() throws {
        let items = try Self.items(
            Self.header + """
                Uganda,,N1,2017-08-15,email,head,,John Doe,,,
                Kenya,,N2,2017-08-15,email,head,,Ann Kim,,,,extra
                Kenya,,N3,2017-08-15,email,head,,Ann Kim,,,
                Kenya,,N3,2017-08-16,email,adviser,,Bob Lee,,,
                Uganda,,N1,2017-08-15,email,adviser,,Late Row,,,
                """)
        // A ragged row or a contradiction inside a note is kept with the note, to be reported with every problem its
        // fields have; a scattered row is a problem of its own.
        let problems = items.flatMap { item -> [ImportProblem] in
            switch item {
            case .problem(let problem): return [problem]
            case .submission(let sourced): return sourced.readProblems
            }
        }
        #expect(problems.map(\.line) == [3, 5, 6])
        #expect(problems[0].message.contains("12 columns where the header has 11"))
        #expect(problems[1].column == "received_at")
        #expect(problems[2].message.contains("a note's rows must be together"))
    }

    @Test func problemsOfAParticipantPointAtItsRowAndColumn() throws {
        let sourced = SourcedSubmission(
            submission: Submission(delegation: "Uganda"), line: 10, participantLines: [10, 11, 12], isCSV: true)
        let problem = sourced.problem(InputError("'chief' is not a role", field: .participant(2, "role")))
        #expect(problem == ImportProblem(line: 12, column: "role", message: "'chief' is not a role"))
        #expect(problem.located(in: "regs.csv") == "regs.csv:12: role: 'chief' is not a role")
        let noteLevel = sourced.problem(InputError("bad", field: .receivedAt))
        #expect(noteLevel.line == 10 && noteLevel.column == "received_at")
    }

    // MARK: JSON

    static func jsonItems(_ text: String) throws -> [SourceItem] {
        let fd = try descriptor(Array(text.utf8))
        defer { close(fd) }
        var source = try JSONSubmissionSource(fileDescriptor: fd)
        var items: [SourceItem] = []
        while let item = try source.next() { items.append(item) }
        return items
    }

    @Test func jsonArrayAndNewlineDelimitedJSONBothRead() throws {
        let array = try Self.jsonItems(
            #"[{"delegation": "Uganda"}, {"delegation": "Kenya", "participants": [{"role": "head", "name": "A"}]}]"#)
        #expect(array.count == 2)
        let lines = try Self.jsonItems(
            "{\"delegation\": \"Uganda\"}\r\n\n{\"delegation\": 5}\n{\"delegation\": \"Kenya\"}")
        #expect(lines.count == 3)
        guard case .problem(let problem) = lines[1] else { Issue.record("expected a problem"); return }
        #expect(problem.line == 3)
        #expect(problem.message.contains("delegation"))
        guard case .submission(let last) = lines[2] else { Issue.record("expected a note"); return }
        #expect(last.line == 4)
    }

    /// An array is read element by element: its punctuation is checked between elements, each with its line, and
    /// an element longer than a line of newline-delimited JSON may be is refused, so memory stays bounded.
    @Test func aJSONArrayIsReadElementByElement() throws {
        #expect(throws: ImportProblem(line: 2, message: "[1]: expected an object")) {
            try Self.jsonItems("[{\"delegation\": \"Kenya\"},\n \"x\"]")
        }
        #expect(
            throws: ImportProblem(
                line: 2, message: "not valid JSON: unexpected '{': expected ',' or ']' (a missing comma?)")
        ) {
            try Self.jsonItems("[{\"delegation\": \"Kenya\"}\n {\"delegation\": \"Chile\"}]")
        }
        #expect(throws: ImportProblem(line: 1, message: "not valid JSON: text after the end of the JSON value ('x')")) {
            try Self.jsonItems("[] x")
        }
        #expect(throws: ImportProblem(line: 1, message: "not valid JSON: the file ends in the middle of an array")) {
            try Self.jsonItems("[{\"delegation\": \"Kenya\"}")
        }
        let long = "[{\"delegation\": \"Kenya\"," + String(repeating: " ", count: 1 << 20) + "\"reference\": \"R\"}]"
        #expect(throws: ImportProblem(line: 1, message: "not valid JSON: element 0 of the array is longer than 1 MB")) {
            try Self.jsonItems(long)
        }
    }

    /// Keys are compared as the text they decode to: a key written with an escape (`\u0061`, `\/`, a surrogate pair)
    /// is the same key as one written plainly, so giving it twice is refused; a key's line is recorded under its
    /// decoded name.
    @Test(arguments: [
        (#"{"delegation": "Kenya", "deleg\u0061tion": "Mexico"}"#, "delegation"),
        (#"{"deleg\u0061tion": "Kenya", "delegation": "Mexico"}"#, "delegation"),
        (#"{"a/b": 1, "a\/b": 2}"#, "a/b"),
        (#"{"\ud83d\ude00": 1, "😀": 2}"#, "😀"),
        (#"{"caf\u00e9": 1, "café": 2}"#, "café"),
    ])
    func aKeyGivenTwiceThroughAnEscapeIsAKeyGivenTwice(json: String, key: String) throws {
        #expect(
            throws: JSONSyntaxError(
                line: 1,
                message: "the key '\(key)' appears twice in one object (also on line 1): which one counts is ambiguous")
        ) {
            try JSONScanner.scan(Data(json.utf8))
        }
    }

    @Test func escapedKeysAreRecordedUnderTheirDecodedName() throws {
        let scan = try JSONScanner.scan(Data("{\n\"deleg\\u0061tion\": \"Kenya\",\n\"n\\u0061me\": \"x\"}".utf8))
        #expect(scan.lines["delegation"] == 2 && scan.lines["name"] == 3)
    }

    /// JSON import reads as strictly as `msp register --file`: a key given twice (which one counts?) and trailing
    /// commas are refused, in both forms; problems of an array's submissions name the line they are on.
    @Test func jsonImportIsStrictAndArrayProblemsNameTheirLine() throws {
        let twice = try Self.jsonItems(#"{"delegation": "Kenya", "delegation": "Mexico"}"# + "\n")
        guard case .problem(let duplicate) = twice.first else { Issue.record("a key given twice was accepted"); return }
        #expect(duplicate.line == 1 && duplicate.message.contains("appears twice"))
        let comma = try Self.jsonItems("{\"delegation\": \"Kenya\",}\n")
        guard case .problem(let trailing) = comma.first else { Issue.record("a trailing comma was accepted"); return }
        #expect(trailing.message.contains("a comma before"))
        #expect(throws: ImportProblem(line: 3, message: "not valid JSON: a comma before ']': remove it")) {
            try Self.jsonItems("[\n {\"delegation\": \"Kenya\"},\n]")
        }
        let array = try Self.jsonItems(
            """
            [
              {"delegation": "Kenya"},
              {"delegation": "Mexico",
               "participants": [{"role": "head", "name": "A"},
                                {"role": "chief", "name": "B"}]}
            ]
            """)
        guard case .submission(let second) = array[1] else { Issue.record("expected a note"); return }
        #expect(second.line == 3)
        let role = second.problem(InputError("unknown role", field: .participant(1, "role")))
        #expect(role.line == 5 && role.column == "[1].participants[1].role")
        let note = second.problem(InputError("bad", field: .receivedAt))
        #expect(note.line == 3 && note.column == "[1].received_at")
    }
}
