import Foundation
import Testing

/// `msp import`, run as a user runs it.
@Suite struct ImportCommandTests {
    static let header = "delegation,category,reference,received_at,channel,role,title,name,function,gender,email\n"

    static let goodCSV =
        header + """
            Uganda,,Note 45/2017,2017-08-15T10:30:00+02:00,email,head,H.E. Mr.,John Doe,"Ambassador, Permanent Representative",male,
            Uganda,,Note 45/2017,2017-08-15T10:30:00+02:00,email,alternate,,Ms. Jane Roe,Counsellor,female,jane@example.org
            Cluster Munition Coalition,civil_society,CMC/7MSP,2017-08-20,email,head,Ms.,A. Example,Director,,
            Lao PDR,,L/2017/9,2017-08-18T18:30:00-04:00,email,head,Mr.,Somchai Phan,,,
            """

    @Test func aCSVImportRecordsEverythingAndSaysWhat() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try Self.goodCSV.write(toFile: msp.path("regs.csv"), atomically: true, encoding: .utf8)
        let result = try msp("import", "regs.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Imported 3 notes (3 registrations, 0 amendments) for 3 delegations, 4 participants, 2 late notes"))
        #expect(result.stderr.isEmpty, "no progress bar when standard error is not a terminal")
        let roster = try msp("export-roster", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(roster.stdout.utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        let names = groups.flatMap {
            ($0["delegations"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(names == ["Lao People's Democratic Republic", "Uganda", "Cluster Munition Coalition"])
        let late = try msp("list-late", "--format", "csv")
        #expect(late.stdout.contains("Lao People's Democratic Republic"))
    }

    @Test func standardInputAndJSONFormsImportToo() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let piped = try msp("import", "-", stdin: Self.goodCSV)
        #expect(piped.status == 0, "\(piped.stderr)")
        let ndjson = """
            {"delegation": "Kenya", "reference": "K1", "received_at": "2017-08-16", "participants": [{"role": "head", "name": "Ms. Wanjiru Kamau"}]}
            {"delegation": "Kenya", "reference": "K2", "received_at": "2017-08-17", "participants": [{"role": "head", "name": "Ms. Wanjiru Kamau"}, {"role": "adviser", "name": "Mr. Otieno"}]}
            """
        try ndjson.write(toFile: msp.path("notes.ndjson"), atomically: true, encoding: .utf8)
        let lines = try msp("import", "notes.ndjson")
        #expect(lines.status == 0, "\(lines.stderr)")
        #expect(lines.stdout.contains("2 notes (1 registration, 1 amendment)"))
        let array =
            #"[{"delegation": "MDG", "reference": "M1", "received_at": "2017-08-10", "participants": [{"role": "head", "name": "Mr. Rivo"}]}]"#
        let fromArray = try msp("import", "-", "--format", "json", stdin: array)
        #expect(fromArray.status == 0, "\(fromArray.stderr)")
        #expect(fromArray.stdout.contains("Imported 1 note (1 registration, 0 amendments)"))
    }

    /// Rows typed "UG" then "Uganda" under one reference are one note: rows are grouped by the delegation they
    /// resolve to, not by how its name is typed.
    @Test func rowsNamingOneDelegationDifferentlyAreOneNote() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let csv =
            Self.header + """
                UG,,Note 45/2017,2017-08-15,email,head,H.E. Mr.,John Doe,,male,
                Uganda,,Note 45/2017,2017-08-15,email,alternate,,Ms. Jane Roe,,female,
                uganda,,Note 45/2017,2017-08-15,email,adviser,,Mr. Third Person,,male,
                """
        try msp.write("ug.csv", csv)
        let result = try msp("import", "ug.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("Imported 1 note (1 registration, 0 amendments) for 1 delegation, 3 participants"))
    }

    /// A JSON array is read element by element, as newline-delimited JSON is: sixteen times the file is not
    /// sixteen times the memory. Each element is padded with white space, so the file is large and quick to read.
    @Test func aLargeJSONArrayIsImportedInBoundedMemory() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let delegations = ["Kenya", "Uganda", "Mexico", "Chile", "Ghana", "Peru", "Norway", "Japan"]
        let padding = String(repeating: " ", count: 60_000) + "\n"
        func array(_ count: Int) -> String {
            let elements = (0..<count).map { index in
                #"{"delegation": "\#(delegations[index % delegations.count])", "reference": "N\#(index)","#
                    + padding
                    + #""received_at": "2017-08-15", "participants": [{"role": "head", "name": "Person \#(index)"}]}"#
            }
            return "[\n" + elements.joined(separator: ",\n") + "\n]\n"
        }
        /// Peak resident memory of `msp import NAME --dry-run`, in bytes, as its parent sees it (getrusage).
        func peak(_ name: String, _ text: String) throws -> (bytes: Int, file: Int) {
            try msp.write(name, text)
            let script = """
                import resource, subprocess, sys
                done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
                print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
                """
            // sh -c 'exec python3 -c SCRIPT MSP import NAME --dry-run'
            let result = try msp.run(
                ["-c", "exec python3 -c \"$0\" \"$@\"", script, MSPRun.binary.path, "import", name, "--dry-run"],
                shell: true)
            let fields = result.stdout.split(separator: " ").map {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            #expect(fields.first == 0, "\(result.stdout) \(result.stderr)")
            return (fields.last.flatMap { $0 } ?? 0, text.utf8.count)
        }
        let small = try peak("small.json", array(8))
        let large = try peak("large.json", array(128))
        // Reading the whole array would hold the large file (and its decoded copy) at once: the peak would grow by
        // more than the file did.
        #expect(
            large.bytes - small.bytes < (large.file - small.file) / 2,
            "peak \(small.bytes) -> \(large.bytes) bytes for \(small.file) -> \(large.file) bytes of JSON")
    }

    @Test func aBadFileIsReportedLineByLineAndNothingIsWritten() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try (Self.goodCSV + "\nNarnia,,N9,2017-08-15,email,head,,X Y,,,\nKenya,,K1,2017-08-32,email,chief,,A B,,,\n")
            .write(toFile: msp.path("bad.csv"), atomically: true, encoding: .utf8)
        let before = msp.snapshot()
        let result = try msp("import", "bad.csv")
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0].hasPrefix("msp: bad.csv:6: delegation: 'Narnia' is neither a State"))
        // Every problem of a row, not only its first.
        #expect(lines[1].hasPrefix("msp: bad.csv:7: received_at: '2017-08-32'"))
        #expect(lines[2].hasPrefix("msp: bad.csv:7: role: 'chief' is not a role"))
        #expect(lines[3] == "msp: bad.csv: 3 problems in 6 rows; nothing was imported")
        #expect(msp.snapshot() == before)
    }

    @Test func atMostFiftyProblemsAreListedThenACount() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let rows = (1...60).map { "Nowhere \($0),,R\($0),2017-08-15,email,head,,X Y,,," }.joined(separator: "\n")
        try (Self.header + rows).write(toFile: msp.path("many.csv"), atomically: true, encoding: .utf8)
        let result = try msp("import", "many.csv")
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 52)
        #expect(lines[50] == "msp: many.csv: 10 more problems not shown")
        #expect(lines[51] == "msp: many.csv: 60 problems in 60 rows; nothing was imported")
    }

    @Test func aDryRunReportsAndWritesNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try Self.goodCSV.write(toFile: msp.path("regs.csv"), atomically: true, encoding: .utf8)
        let before = msp.snapshot()
        let result = try msp("import", "regs.csv", "--dry-run")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Dry run, nothing written: would import 3 notes"))
        #expect(msp.snapshot() == before)
    }

    @Test func aWrongHeaderAMissingFileAndABadFormatHaveTheirStatuses() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try "delegation,role,nom\nUganda,head,X\n".write(toFile: msp.path("fr.csv"), atomically: true, encoding: .utf8)
        let before = msp.snapshot()
        let header = try msp("import", "fr.csv")
        #expect(header.status == 65)
        #expect(
            header.stderr
                == "msp: fr.csv:1: nom: 'nom' is not a column: the columns are delegation,category,reference,received_at,channel,role,title,name,function,gender,email,new_organization\n"
        )
        let missing = try msp("import", "nothere.csv")
        #expect(missing.status == 66)
        let format = try msp("import", "fr.csv", "--format", "xml")
        #expect(format.status == 64)
        #expect(msp.snapshot() == before)
    }

    /// Good inputs the bad-input corpus must not be confused with: Excel's "CSV UTF-8" (a byte-order mark and CRLF
    /// line ends), a file whose line ends are mixed, and a header with no rows. A header-only file is what a
    /// registration form exports before anyone has registered: "0 notes" and success, not an error (an empty file,
    /// without even the header, is not a registration export at all: `csv-empty-file` in the corpus).
    @Test func crlfMixedLineEndsAndAHeaderOnlyFileImport() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let rows = Self.goodCSV.split(separator: "\n").map(String.init)
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array((rows.joined(separator: "\r\n") + "\r\n").utf8))
            .write(to: URL(fileURLWithPath: msp.path("excel.csv")))
        let crlf = try msp("import", "excel.csv", "--dry-run")
        #expect(crlf.status == 0, "\(crlf.stderr)")
        #expect(
            crlf.stdout.contains(
                "would import 3 notes (3 registrations, 0 amendments) for 3 delegations, 4 participants"))
        let mixed = rows.enumerated().map { $0.element + ($0.offset % 2 == 0 ? "\r\n" : "\n") }.joined()
        try mixed.write(toFile: msp.path("mixed.csv"), atomically: true, encoding: .utf8)
        let imported = try msp("import", "mixed.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout.contains(
                "Imported 3 notes (3 registrations, 0 amendments) for 3 delegations, 4 participants"))
        let roster = try msp("export-roster", "--format", "csv")
        #expect(roster.stdout.contains("Jane Roe") && !roster.stdout.contains("\r\r"))

        try Self.header.write(toFile: msp.path("header-only.csv"), atomically: true, encoding: .utf8)
        let empty = try msp("import", "header-only.csv")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(
            empty.stdout.hasPrefix("Imported 0 notes (0 registrations, 0 amendments) for 0 delegations, 0 participants")
        )
        #expect(empty.stderr.isEmpty)
        let stats = try msp("stats", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["notes"] as? Int == 3, "the 3 notes of mixed.csv, none more")
    }

    @Test func aProgressBarShowsOnStandardErrorWhenItIsATerminal() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let rows = (1...200).map { "Organization \($0),civil_society,L\($0),2017-08-15,email,head,Ms.,Person \($0),,," }
        try (Self.header + rows.joined(separator: "\n")).write(
            toFile: msp.path("many.csv"), atomically: true, encoding: .utf8)
        // script(1) runs msp on a pseudo-terminal and keeps what the terminal showed in `typescript`.
        let command = "'\(MSPRun.binary.path)' import many.csv --database '\(msp.database)' > /dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, msp.path("typescript")]
        process.currentDirectoryURL = msp.folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let screen = try String(contentsOfFile: msp.path("typescript"), encoding: .utf8)
        #expect(screen.contains("rows/s"), "\(screen)")
        #expect(screen.contains("ETA"))
        #expect(screen.contains("%"))
    }
}
