import Foundation
import Testing

/// The bad-input corpus, `fixtures/bad-inputs/cases.tsv`: for each case, msp exits with the documented status,
/// prints exactly one line on standard error (`msp: ...`; `msp import` prints one per problem and a summary: the
/// case's optional sixth column says how many) that contains every expected piece (the file and line where there
/// are some, and the problem), prints nothing on standard output, and leaves the database file byte-for-byte as
/// it was (or, when there was none, creates none).
@Suite struct BadInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "fixtures/bad-inputs")

    /// Inputs made at test time, by name (`@gen/NAME` in a command): large or odd files not worth committing.
    static let generators: [String: @Sendable (URL) throws -> Void] = [
        "json-deeply-nested.json": { url in
            try Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8).write(
                to: url)
        },
        "json-long-delegation.json": { url in
            let name = String(repeating: "Atlantis ", count: 120_000)
            try Data(
                "{\"delegation\": \"\(name)\",\n \"participants\": [{\"role\": \"head\", \"name\": \"A. B\"}]}\n".utf8
            ).write(to: url)
        },
        // For the CSV import cases: one row whose `name` cell is 100 MB.
        "100mb-line.csv": { url in
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            handle.write(
                Data(
                    "delegation,category,reference,received_at,channel,role,title,name,function,gender,email\nKenya,,Note 1,2017-08-15,email,head,Ms.,"
                        .utf8))
            let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
            for _ in 0..<100 { handle.write(chunk) }
            handle.write(Data(",First Counsellor,female,a@example.org\n".utf8))
        },
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var setup: String
        var status: Int32
        var expect: [String]
        var command: String
        /// How many lines standard error has (1 unless the sixth column says otherwise).
        var stderrLines: Int
        var line: Int
        var testDescription: String { name }
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: corpus.appending(path: "cases.tsv"), encoding: .utf8)
        var cases: [Case] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 || fields.count == 6, let status = Int32(fields[2]),
                let stderrLines = fields.count == 6 ? Int(fields[5]) : 1, stderrLines >= 1
            else {
                Issue.record(
                    "cases.tsv:\(index + 1): expected 5 or 6 tab-separated fields: name, setup, status, expect, command[, lines]"
                )
                continue
            }
            cases.append(
                Case(
                    name: fields[0], setup: fields[1], status: status,
                    expect: fields[3].components(separatedBy: " && ").filter { !$0.isEmpty },
                    command: fields[4], stderrLines: stderrLines, line: index + 1))
        }
        return cases
    }

    /// Splits a command as a shell would for these cases: spaces separate words; "double quotes" group, with
    /// the escapes \" \\ \t \n \r and \u{XXXX}.
    static func words(_ command: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        var chars = Array(command)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { quoted = false; continue }
                if c == "\\", let next = chars.popFirst() {
                    switch next {
                    case "t": current.append("\t")
                    case "n": current.append("\n")
                    case "r": current.append("\r")
                    case "u":
                        guard chars.popFirst() == "{", let close = chars.firstIndex(of: "}"),
                            let value = UInt32(String(chars[..<close]), radix: 16), let scalar = UnicodeScalar(value)
                        else {
                            throw CocoaError(.formatting)
                        }
                        current.unicodeScalars.append(scalar)
                        chars = chars[(close + 1)...]
                    default: current.append(next)
                    }
                    continue
                }
                current.append(c)
            } else if c == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else if c == "\"" {
                quoted = true
                inWord = true
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The databases a case starts from, made once: `none` (no file), `empty` (no meeting), `7msp` (the 7MSP,
    /// Uganda registered with "Note 45/2017" (note 1) and a focal point (focal@mission.example), the ICRC registered
    /// (2) then withdrawn late (3)), `7msp-late`
    /// (`7msp`, then Kenya's late note "K 1/2017" pending (4) and Norway's note "N 1" voided (5)), `two` (7MSP and
    /// 8MSP).
    static let templates: [String: Data] = {
        var made: [String: Data] = [:]
        func run(_ msp: MSPRun, _ arguments: String...) {
            let result = try? msp.run(arguments)
            if result?.status != 0 { Issue.record("setup failed: \(arguments) \(result?.stderr ?? "")") }
        }
        func add7MSP(_ msp: MSPRun) {
            run(
                msp, "meeting", "add", "7MSP", "--title",
                "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
                "--convention", "CCM", "--opens", "2017-09-04", "--closes", "2017-09-06", "--deadline", "2017-08-18",
                "--time-zone", "Europe/Zurich", "--venue", "Palais des Nations, Room XIX, Geneva")
            run(
                msp, "register", "--delegation", "Uganda", "--received", "2017-08-15T10:30:00+02:00", "--reference",
                "Note 45/2017",
                "--channel", "email", "--head", "H.E. Mr. John Doe", "--alternate", "Ms. Jane Roe")
            run(msp, "register", "--delegation", "ICRC", "--received", "2017-08-10", "--head", "Ms. A. Example")
            run(msp, "withdraw", "--delegation", "ICRC", "--received", "2017-08-25")
            run(msp, "focal-point", "add", "--delegation", "Uganda", "--email", "focal@mission.example")
        }
        guard let empty = try? MSPRun(), let seventh = try? MSPRun(), let late = try? MSPRun(), let two = try? MSPRun()
        else { return made }
        // A command that writes and records nothing new (a reading command creates no file).
        run(empty, "treaty", "record", "--state", "Uganda", "--signed", "2008-12-03")
        add7MSP(seventh)
        add7MSP(late)
        run(
            late, "register", "--delegation", "Kenya", "--received", "2017-08-25", "--reference", "K 1/2017", "--head",
            "Ms. A. Mwangi")
        run(
            late, "register", "--delegation", "Norway", "--received", "2017-08-10", "--reference", "N 1", "--head",
            "Ms. B. Example")
        run(late, "void", "5", "--reason", "Recorded against the wrong meeting")
        add7MSP(two)
        run(
            two, "meeting", "add", "8MSP", "--title",
            "Eighth Meeting of States Parties to the Convention on Cluster Munitions",
            "--convention", "CCM", "--opens", "2018-09-03", "--closes", "2018-09-05", "--deadline", "2018-08-17",
            "--time-zone", "Europe/Zurich")
        made["empty"] = empty.snapshot()
        made["7msp"] = seventh.snapshot()
        made["7msp-late"] = late.snapshot()
        made["two"] = two.snapshot()
        return made
    }()

    @Test func theCorpusHasAtLeastSixtyCasesWithUniqueNames() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.name)).count == cases.count)
    }

    @Test(arguments: try BadInputTests.cases())
    func aBadInputIsRefusedInOneLineAndChangesNothing(_ badCase: Case) throws {
        let place = "cases.tsv:\(badCase.line) (\(badCase.name))"
        let msp = try MSPRun()
        if badCase.setup != "none" {
            let template = try #require(Self.templates[badCase.setup], "\(place): unknown setup '\(badCase.setup)'")
            #expect(
                FileManager.default.createFile(
                    atPath: msp.database, contents: template, attributes: [.posixPermissions: 0o600]))
        }
        // Resolve @files/NAME (copied from fixtures/bad-inputs/files) and @gen/NAME (made now); `<` feeds stdin.
        var arguments: [String] = []
        var stdin: Data?
        var inputs: [String] = []
        var words = try Self.words(badCase.command)[...]
        while let word = words.popFirst() {
            if word == "<" {
                let next = words.popFirst()
                let source = try #require(next, "\(place): '<' needs a file")
                stdin = try Data(contentsOf: msp.folder.appending(path: try Self.materialize(source, in: msp)))
                inputs.append("<stdin>")
                continue
            }
            let resolved = try Self.materialize(word, in: msp)
            if resolved != word, let previous = arguments.last, previous == "--file" || previous == "import" {
                inputs.append(resolved)
            }
            arguments.append(resolved)
        }
        let before = msp.snapshot()
        let result = try msp.run(arguments, stdinData: stdin)
        #expect(result.status == badCase.status, "\(place): status \(result.status): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(place): printed \(result.stdout.prefix(200))")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.count == badCase.stderrLines + 1 && lines.last?.isEmpty == true
                && lines.dropLast().allSatisfy { $0.hasPrefix("msp: ") },
            "\(place): standard error is not \(badCase.stderrLines) line(s) 'msp: ...': \(result.stderr.prefix(600))")
        for piece in badCase.expect {
            #expect(result.stderr.contains(piece), "\(place): '\(piece)' is not in: \(result.stderr.prefix(300))")
        }
        // A problem found in an input file names the file and the line.
        if badCase.status == 65 {
            for input in inputs {
                #expect(
                    result.stderr.contains(try Regex("\(NSRegularExpression.escapedPattern(for: input)):[0-9]+: ")),
                    "\(place): does not name \(input):LINE: \(result.stderr.prefix(300))")
            }
        }
        #expect(msp.snapshot() == before, "\(place): the database changed")
        if badCase.setup == "none" {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                #expect(
                    !FileManager.default.fileExists(atPath: msp.database + suffix),
                    "\(place): created \(msp.database + suffix)")
            }
        }
        try? FileManager.default.removeItem(at: msp.folder)
    }

    /// `@files/NAME` → a copy of fixtures/bad-inputs/files/NAME in the case's folder; `@gen/NAME` → made there by
    /// its generator; anything else as it is. Returns the name to give msp (relative to the folder).
    static func materialize(_ word: String, in msp: MSPRun) throws -> String {
        if word.hasPrefix("@files/") {
            let name = String(word.dropFirst("@files/".count))
            try FileManager.default.copyItem(
                at: corpus.appending(path: "files/\(name)"), to: msp.folder.appending(path: name))
            return name
        }
        if word.hasPrefix("@gen/") {
            let name = String(word.dropFirst("@gen/".count))
            let generator = try #require(generators[name], "no generator for @gen/\(name) in BadInputTests.generators")
            try generator(msp.folder.appending(path: name))
            return name
        }
        return word
    }
}
