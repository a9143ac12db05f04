import CSV
import Foundation
import GRDB
import Testing

/// Nothing lost, no one in: concurrency, schema versions, history, withdrawals, backups, output safety, privacy.
/// Each test runs the built msp as users do.
@Suite struct ReliabilityTests {
    /// Starts `msp ARGS` (through `sh -c 'umask MASK; exec ...'` when a mask is given) without waiting.
    final class Running: @unchecked Sendable {
        let process = Process()
        let out = Pipe(), err = Pipe()
        init(_ msp: MSPRun, _ arguments: [String], umask mask: String? = nil) throws {
            if let mask {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "umask \(mask); exec \"$0\" \"$@\"", MSPRun.binary.path] + arguments
            } else {
                process.executableURL = MSPRun.binary
                process.arguments = arguments
            }
            process.currentDirectoryURL = msp.folder
            var env = ProcessInfo.processInfo.environment
            env["MSP_DATABASE"] = msp.database
            process.environment = env
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        /// Waits for the end; small outputs only (they fit in the pipes).
        func finish() -> MSPRun.Result {
            process.waitUntilExit()
            return MSPRun.Result(
                status: process.terminationStatus,
                stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    static func addMeeting(_ code: String) -> [String] {
        [
            "meeting", "add", code, "--title", "Meeting \(code)", "--convention", "CCM", "--opens", "2017-09-04",
            "--closes", "2017-09-06", "--deadline", "2017-08-18", "--time-zone", "Europe/Zurich",
        ]
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    // MARK: 1. Concurrency

    @Test func thirtyTwoProcessesOnAFreshFileThenThirtyTwoRegistersAllSucceed() throws {
        let msp = try MSPRun()
        // The very first run: 32 processes race to create the file and its schema (under umask 000: the file,
        // its -wal and -shm stay private).
        var started = Date()
        let creators = try (1...32).map { try Running(msp, Self.addMeeting("M\($0)"), umask: "000") }
        var modes = Set<Int>()
        while creators.contains(where: { $0.process.isRunning }) {
            for suffix in ["", "-wal", "-shm"] { if let mode = Self.mode(msp.database + suffix) { modes.insert(mode) } }
            usleep(500)
        }
        let created = creators.map { $0.finish() }
        let creation = Date().timeIntervalSince(started)
        for result in created { #expect(result.status == 0, "\(result.stderr)") }
        #expect(
            modes == [0o600], "modes seen while 32 processes ran under umask 000: \(modes.map { String($0, radix: 8) })"
        )
        #expect(
            try msp("meeting", "list", "--format", "json").stdout.components(separatedBy: "\"code\"").count - 1 == 32)

        // 32 registrations at once on that database.
        let states = [
            "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB",
            "BLR",
            "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM", "CMR",
            "CAN",
        ]
        started = Date()
        let registers = try states.enumerated().map { index, state in
            try Running(
                msp,
                [
                    "register", "--meeting", "M1", "--delegation", state, "--received",
                    "2017-08-1\(index % 9 + 1)T10:00",
                    "--reference", "Note \(index + 1)/2017", "--head", "Mr. Person \(index + 1)",
                ])
        }
        let registered = registers.map { $0.finish() }
        let registration = Date().timeIntervalSince(started)
        for result in registered {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        let queue = try DatabaseQueue(path: msp.database)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM note") } == 32)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT delegation_id) FROM note") } == 32)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        try queue.close()
        print(
            "32 processes on a fresh file: \(String(format: "%.2f", creation)) s; 32 registers at once: \(String(format: "%.2f", registration)) s"
        )
    }

    @Test func readersDoNotWaitForAWriterAndWritersQueue() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(
            try msp("register", "--delegation", "Uganda", "--received", "2017-08-15", "--head", "H.E. Mr. John Doe")
                .status == 0)
        // Another connection opens a write transaction and keeps it open.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let queue = try DatabaseQueue(path: msp.database, configuration: config)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(
                sql: "INSERT INTO change (made_at, os_user, command, summary) VALUES (0, 'test', 'test', 'held open')")
        }
        // Readers complete meanwhile, and see the last committed state.
        for arguments in [
            ["list-late", "--format", "json"], ["export-roster", "--format", "csv"], ["history", "--delegation", "UG"],
        ] {
            let started = Date()
            let result = try msp.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(Date().timeIntervalSince(started) < 5, "\(arguments) waited for the writer")
        }
        // A writer waits for the lock (busy timeout) instead of failing, and succeeds once it is released.
        let writer = try Running(
            msp, ["register", "--delegation", "Kenya", "--received", "2017-08-16", "--head", "Ms. A. Mwangi"])
        usleep(700_000)
        #expect(writer.process.isRunning, "the writer should be waiting for the lock")
        try queue.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        let result = writer.finish()
        #expect(result.status == 0, "\(result.stderr)")
        try queue.close()
    }

    // MARK: 4. Schema versions, through the binary

    @Test func aDatabaseFromANewerMspIsRefusedAndLeftByteIdentical() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let queue = try DatabaseQueue(path: msp.database)
        let version = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM schema_migration") } ?? 0
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)")
            try db.execute(
                sql: "INSERT INTO schema_migration (identifier, applied_at) VALUES ('9999_from_the_future', 0)")
        }
        try queue.close()
        let before = msp.snapshot()
        for arguments in [
            ["list-late"],
            ["register", "--received", "2017-08-15", "--delegation", "Kenya", "--head", "Ms. A. Mwangi"],
            ["meeting", "list"],
        ] {
            let result = try msp.run(arguments)
            #expect(result.status == 65)
            #expect(
                result.stderr.contains("schema version \(version + 1)")
                    && result.stderr.contains("schema version \(version)"),
                "\(result.stderr)")
            #expect(result.stderr.hasPrefix("msp: ") && result.stderr.filter { $0 == "\n" }.count == 1)
            #expect(msp.snapshot() == before)
        }
        #expect(!FileManager.default.fileExists(atPath: msp.database + ".schema-v\(version).bak"))
    }

    // MARK: 5. History and withdrawals

    @Test func historyShowsEveryNoteInOrderAndWithdrawalLeavesTheRosterButDeletesNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(
            try msp(
                "register", "--delegation", "Uganda", "--received", "2017-08-15T10:30:00+02:00", "--reference",
                "Note 45/2017",
                "--channel", "email", "--head", "H.E. Mr. John Doe", "--alternate", "Ms. Jane Roe"
            ).status == 0)
        // An amendment that arrives late, recorded before an earlier-received note is typed in.
        #expect(
            try msp(
                "register", "--delegation", "UG", "--received", "2017-08-21", "--reference", "Note 52/2017",
                "--channel", "post", "--head", "H.E. Mr. John Doe", "--adviser", "Mr. Sam Poe"
            ).status == 0)
        #expect(
            try msp(
                "register", "--delegation", "Uganda", "--received", "2017-08-17T09:00", "--reference", "Note 48/2017",
                "--channel", "hand", "--head", "H.E. Mr. John Doe"
            ).status == 0)
        #expect(
            try msp("register", "--delegation", "Kenya", "--received", "2017-08-16", "--head", "Ms. A. Mwangi").status
                == 0)
        let withdrawal = try msp(
            "withdraw", "--delegation", "uganda", "--received", "2017-08-30T09:00", "--reference", "Note 61/2017")
        #expect(withdrawal.status == 0, "\(withdrawal.stderr)")
        #expect(withdrawal.stdout.contains("withdrawal of Uganda"))

        let history = try msp("history", "--delegation", "Uganda", "--format", "json")
        #expect(history.status == 0, "\(history.stderr)")
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(
            notes.map { $0["reference"] as? String } == [
                "Note 45/2017", "Note 48/2017", "Note 52/2017", "Note 61/2017",
            ])
        #expect(notes.map { $0["kind"] as? String } == ["registration", "amendment", "amendment", "withdrawal"])
        #expect(notes.map { $0["channel"] as? String } == ["email", "hand", "post", nil])
        #expect(notes.map { $0["participants"] as? Int } == [2, 1, 2, 0])
        #expect(notes.map { $0["late"] as? Bool } == [false, false, true, true])
        // Received on 21 August by post, known only by its date: three days late, in days.
        #expect(notes[2]["late_by_days"] as? Int == 3)
        #expect(notes[2]["late_by_seconds"] is NSNull)
        let user =
            ProcessInfo.processInfo.environment["USER"]
            ?? (try? String(contentsOfFile: "/proc/self/loginuid", encoding: .utf8)) ?? ""
        for note in notes {
            #expect((note["recorded_by"] as? String)?.isEmpty == false)
            if !user.isEmpty, let recordedBy = note["recorded_by"] as? String,
                ProcessInfo.processInfo.environment["USER"] != nil
            {
                #expect(recordedBy == user)
            }
            #expect((note["recorded_at"] as? String)?.count == 25)
        }
        #expect(notes.map { $0["command"] as? String } == ["register", "register", "register", "withdraw"])
        for format in ["table", "csv"] {
            let text = try msp("history", "--delegation", "Uganda", "--format", format)
            #expect(text.status == 0 && text.stdout.contains("Note 61/2017") && text.stdout.contains("withdrawal"))
        }

        // The late withdrawal needs no decision: list-late shows the late amendment, not the withdrawal.
        let late = try msp("list-late", "--format", "json")
        let lateNotes = try #require(try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [[String: Any]])
        #expect(lateNotes.map { $0["reference"] as? String } == ["Note 52/2017"])

        // The roster leaves Uganda out; Kenya stays. Nothing is deleted.
        let roster = try msp("export-roster", "--format", "json")
        #expect(!roster.stdout.contains("Uganda") && roster.stdout.contains("Kenya"))
        let queue = try DatabaseQueue(path: msp.database)
        #expect(
            try queue.read {
                try Int.fetchOne(
                    $0,
                    sql:
                        "SELECT count(*) FROM note n JOIN delegation d ON d.id = n.delegation_id WHERE d.name = 'Uganda'"
                )
            } == 4)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM participant") } == 6)
        // Every change is logged with when, what and who.
        let changes = try queue.read {
            try Row.fetchAll(
                $0,
                sql:
                    "SELECT made_at, os_user, command, summary FROM change WHERE command IN ('register', 'withdraw') ORDER BY id"
            )
        }
        #expect(changes.count == 5)
        #expect(changes.allSatisfy { !($0["os_user"] as String).isEmpty && ($0["made_at"] as Int64) > 1_700_000_000 })
        #expect((changes.last?["summary"] as String?)?.contains("withdrawal Note 61/2017 of Uganda") == true)
        try queue.close()

        // A later amendment brings Uganda back.
        #expect(
            try msp(
                "register", "--delegation", "Uganda", "--received", "2017-08-31", "--reference", "Note 63/2017",
                "--head", "H.E. Mr. John Doe"
            ).status == 0)
        #expect(try msp("export-roster", "--format", "json").stdout.contains("Uganda"))
    }

    // MARK: 6. Backups

    @Test func aBackupTakenWhileAnotherProcessWritesIsConsistentPrivateAndOpens() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        // Another process registers in a loop (an amendment of the same delegation each time).
        let loop = Process()
        loop.executableURL = URL(fileURLWithPath: "/bin/sh")
        loop.arguments = [
            "-c",
            "i=0; while [ $i -lt 400 ]; do i=$((i+1)); \"$0\" register --delegation Uganda --received 2017-08-15 --reference \"Note $i\" --head \"H.E. Mr. John Doe\" --adviser \"Mr. Adviser $i\" >/dev/null || exit 1; [ -e stop ] && exit 0; done",
            MSPRun.binary.path,
        ]
        loop.currentDirectoryURL = msp.folder
        var env = ProcessInfo.processInfo.environment
        env["MSP_DATABASE"] = msp.database
        loop.environment = env
        try loop.run()
        defer { FileManager.default.createFile(atPath: msp.path("stop"), contents: nil); loop.waitUntilExit() }
        usleep(400_000)
        var counts: [Int] = []
        for index in 1...5 {
            let copy = "copy-\(index).sqlite"
            let result = try msp("backup", copy, "--database", msp.database)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.mode(msp.path(copy)) == 0o600)
            let queue = try DatabaseQueue(path: msp.path(copy))
            #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
            // Consistent: every note's participants are there, and each delegation's composition is its newest note.
            #expect(
                try queue.read {
                    try Int.fetchOne(
                        $0,
                        sql:
                            "SELECT count(*) FROM note n WHERE n.participant_count <> (SELECT count(*) FROM participant p WHERE p.note_id = n.id)"
                    )
                } == 0)
            counts.append(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM note") } ?? 0)
            try queue.close()
            let opened = try msp("history", "--delegation", "Uganda", "--database", msp.path(copy), "--format", "csv")
            #expect(opened.status == 0, "\(opened.stderr)")
            // No -wal or -shm is left beside the database or the copy.
            #expect(!FileManager.default.fileExists(atPath: msp.path(copy) + "-wal"))
            usleep(150_000)
        }
        #expect(loop.isRunning, "the writer should still be running while the backups are taken")
        #expect(counts.last ?? 0 > 0)
        // Refused over an existing file, allowed with --force.
        let again = try msp("backup", "copy-1.sqlite")
        #expect(again.status == 73 && again.stderr.contains("--force"))
        let forced = try msp("backup", "copy-1.sqlite", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    // MARK: 7. Output safety

    static let hostileNames = [
        "=HYPERLINK(\"http://x\",\"y\")", "<script>alert(1)</script>", "+SUM(1,2)", "-2+3", "@cmd",
        "Quote \"and\" back\\slash", "Emoji 😀 🇨🇭 Zoë",
    ]

    @Test func hostileNamesComeOutInertInCSVEscapedInHTMLAndMarkdownAndJSONAlwaysParses() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        var arguments = [
            "register", "--delegation", "Uganda", "--received", "2017-08-25", "--reference", "=cmd|' /C calc'!A0",
            "--head", "Mr. \(Self.hostileNames[0])",
        ]
        for name in Self.hostileNames.dropFirst() { arguments.append("--adviser=\(name)") }
        let registered = try msp.run(arguments)
        #expect(registered.status == 0, "\(registered.stderr)")
        // Through a JSON file: markup, quotes, backslashes and emoji are kept; control characters are refused.
        let submission = """
            {"delegation": "Kenya", "reference": "Note \\"7\\" \\\\ 😀", "received_at": "2017-08-26",
             "participants": [{"role": "head", "name": "Ms. <b>Bold</b>", "function": "Counsellor \\"quoted\\" \\\\ 😀"}]}
            """
        try Data(submission.utf8).write(to: URL(fileURLWithPath: msp.path("note.json")))
        let fromFile = try msp("register", "--file", "note.json")
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let control =
            #"{"delegation": "Chile", "participants": [{"role": "head", "name": "A. B", "function": "C\u0000\u001b[31m"}]}"#
        try Data(control.utf8).write(to: URL(fileURLWithPath: msp.path("control.json")))
        let refused = try msp("register", "--file", "control.json")
        #expect(
            refused.status == 65
                && refused.stderr.contains(
                    "control.json:1: participants[0].function: the function contains a control character (U+0000)"),
            "\(refused.stderr)")

        // CSV: every cell a spreadsheet would run starts with an apostrophe; otherwise the text is as given.
        let csvOutputs = [
            try msp("export-roster", "--format", "csv"), try msp("list-late", "--format", "csv"),
            try msp("history", "--delegation", "Uganda", "--format", "csv"),
        ]
        for output in csvOutputs {
            #expect(output.status == 0, "\(output.stderr)")
            let reader = try CSVReader(string: output.stdout, hasHeaderRow: true)
            var cells: [String] = []
            while let row = reader.next() { cells += row }
            #expect(!cells.isEmpty)
            for cell in cells {
                if let first = cell.unicodeScalars.first {
                    #expect(!"=+-@\t\r".unicodeScalars.contains(first), "live cell: \(cell)")
                }
            }
        }
        let roster = csvOutputs[0].stdout
        #expect(roster.contains("'=HYPERLINK"))
        #expect(roster.contains("'+SUM(1,2)") && roster.contains("'-2+3") && roster.contains("'@cmd"))
        #expect(csvOutputs[1].stdout.contains("'=cmd|"))
        #expect(csvOutputs[2].stdout.contains("'=cmd|"))

        // HTML: escaped.
        let html = try msp("export-roster", "--format", "html")
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<script>alert") && html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.stdout.contains("<b>Bold</b>") && html.stdout.contains("&lt;b&gt;Bold&lt;/b&gt;"))
        #expect(html.stdout.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
        // Markdown: what a renderer would read as markup is escaped (every `<`), so it shows them as text.
        let markdown = try msp("export-roster", "--format", "markdown")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("\\<script>alert(1)\\</script>"))
        #expect(markdown.stdout.contains("\\<b>Bold\\</b>"))
        #expect(markdown.stdout.firstMatch(of: /(^|[^\\])</) == nil, "an unescaped <")

        // JSON always parses, and gives the names back exactly.
        let jsonOutputs = [
            try msp("export-roster", "--format", "json"), try msp("list-late", "--format", "json"),
            try msp("history", "--delegation", "Kenya", "--format", "json"),
            try msp("meeting", "list", "--format", "json"),
        ]
        for output in jsonOutputs {
            #expect(output.status == 0)
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) != nil,
                "does not parse: \(output.stdout.prefix(300))")
        }
        for name in Self.hostileNames.dropFirst() {
            #expect(
                jsonOutputs[0].stdout.contains(
                    try String(
                        decoding: JSONSerialization.data(
                            withJSONObject: name, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
                ), "\(name)")
        }
        let late = try msp("list-late", "--format", "ndjson")
        for line in late.stdout.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)")
        }
        let roster2 = try #require(
            try JSONSerialization.jsonObject(with: Data(jsonOutputs[0].stdout.utf8)) as? [String: Any])
        let functions = ((roster2["groups"] as? [[String: Any]]) ?? []).flatMap {
            ($0["delegations"] as? [[String: Any]]) ?? []
        }
        .flatMap { ($0["participants"] as? [[String: Any]]) ?? [] }.compactMap { $0["function"] as? String }
        #expect(functions.contains("Counsellor \"quoted\" \\ 😀"))
    }

    // MARK: 8. Privacy

    @Test(arguments: ["000", "022", "077", "277"])
    func theDatabaseAndItsBackupsAreTheOwnersOnlyWhateverTheUmask(_ mask: String) throws {
        let msp = try MSPRun()
        let created = try Running(msp, Self.addMeeting("7MSP"), umask: mask).finish()
        #expect(created.status == 0, "\(created.stderr)")
        #expect(Self.mode(msp.database) == 0o600)
        let registered = try Running(
            msp, ["register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "H.E. Mr. John Doe"],
            umask: mask
        ).finish()
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect(Self.mode(msp.database) == 0o600)
        let backup = try Running(msp, ["backup", "copy.sqlite"], umask: mask).finish()
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(Self.mode(msp.path("copy.sqlite")) == 0o600)
        for suffix in ["-wal", "-shm"] {
            if let mode = Self.mode(msp.database + suffix) { #expect(mode == 0o600) }
        }
    }
}

// MARK: 9. Files: nothing lost, nothing overwritten (issue 11)

extension ReliabilityTests {
    /// Runs `sh -c SCRIPT` in the folder with `$MSP` the built msp and MSP_DATABASE set.
    static func shell(_ msp: MSPRun, _ script: String) throws -> MSPRun.Result {
        try msp.run(["-c", script], stdin: nil, environment: ["MSP": MSPRun.binary.path], shell: true)
    }

    static func journalMode(_ path: String) throws -> String {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } ?? ""
    }

    @Test func aDatabaseWithTwoNamesIsRefusedBeforeAnythingIsWritten() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let other = msp.path("other-name.sqlite")
        #expect(link(msp.database, other) == 0)
        let before = msp.snapshot()
        for database in [msp.database, other] {
            let result = try msp(
                "register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B", "--database",
                database)
            #expect(result.status == 66, "\(result.stderr)")
            #expect(result.stderr.contains("2 names (hard links)"), "\(result.stderr)")
        }
        #expect(msp.snapshot() == before)
        #expect(!msp.exists("other-name.sqlite-wal"))
    }

    @Test func aFailedWriteOnStandardOutputIsStatus74() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(
            try msp("register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B").status == 0)
        guard FileManager.default.fileExists(atPath: "/dev/full") else {
            Issue.record("this test needs /dev/full (Linux)")
            return
        }
        for script in [
            "exec \"$MSP\" export-roster --format csv > /dev/full",
            "exec \"$MSP\" meeting list > /dev/full",
            "exec \"$MSP\" list-late --format json >&-",
            "exec \"$MSP\" export-roster --format csv --output /dev/full",
        ] {
            let result = try Self.shell(msp, script)
            #expect(result.status == 74, "\(script): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("msp: cannot write "), "\(script): \(result.stderr)")
        }
        // The note is recorded; only its confirmation is lost, and that is said.
        let register = try Self.shell(
            msp, "exec \"$MSP\" register --delegation Kenya --received 2017-08-15 --head 'Ms. C. D' > /dev/full")
        #expect(register.status == 74 && register.stderr.contains("No space left"), "\(register.stderr)")
    }

    @Test func outputIntoAFIFOOrALinkToADescriptorWritesIntoItAndNeverReplacesIt() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(
            try msp("register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B").status == 0)
        // A FIFO: written into, still a FIFO.
        let fifo = msp.path("roster.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let read = try Self.shell(
            msp, "cat roster.fifo & \"$MSP\" export-roster --format csv --output roster.fifo; wait")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Uganda"), "\(read.stdout)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        // A link to a descriptor (/dev/stdout): the output comes out there, the link stays.
        try FileManager.default.createSymbolicLink(atPath: msp.path("out.csv"), withDestinationPath: "/dev/stdout")
        let linked = try msp("export-roster", "--format", "csv", "--output", "out.csv")
        #expect(linked.status == 0 && linked.stdout.contains("Uganda"), "\(linked.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: msp.path("out.csv")) == "/dev/stdout")
        // A link to a regular file: the file it names is replaced, the link stays a link.
        try msp.write("real.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: msp.path("link.csv"), withDestinationPath: "real.csv")
        #expect(try msp("export-roster", "--format", "csv", "--output", "link.csv").status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: msp.path("link.csv")) == "real.csv")
        #expect(try String(contentsOfFile: msp.path("real.csv"), encoding: .utf8).contains("Uganda"))
        // A folder is refused (73); nothing is left beside the files written.
        try FileManager.default.createDirectory(atPath: msp.path("folder"), withIntermediateDirectories: false)
        #expect(try msp("export-roster", "--output", "folder").status == 73)
        let left = try FileManager.default.contentsOfDirectory(atPath: msp.folder.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporaries left: \(left)")
    }

    @Test func theOutputFileIsPrivateAndALongNameStillHasATemporary() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let name = String(repeating: "r", count: 250) + ".csv"
        let result = try Self.shell(msp, "umask 000; exec \"$MSP\" export-roster --format csv --output \(name)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(msp.path(name)) == 0o600)
    }

    @Test func anotherApplicationsSQLiteFileIsRefusedUntouched() throws {
        let msp = try MSPRun()
        let queue = try DatabaseQueue(path: msp.database)
        try queue.write { try $0.execute(sql: "CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, url TEXT)") }
        try queue.close()
        let before = msp.snapshot()
        for arguments in [["meeting", "list"], ReliabilityTests.addMeeting("7MSP")] {
            let result = try msp.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("another application's SQLite database"), "\(result.stderr)")
        }
        #expect(msp.snapshot() == before)
        #expect(try Self.journalMode(msp.database) == "delete")
    }

    @Test func aReadOrFailingCommandLeavesARestoredBackupAsItWas() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(try msp("backup", "restored.sqlite").status == 0)
        let restored = msp.path("restored.sqlite")
        #expect(try Self.journalMode(restored) == "delete")
        let before = try Data(contentsOf: URL(fileURLWithPath: restored))
        for arguments in [
            ["list-late"], ["meeting", "list"], ["export-roster", "--format", "csv"], ["stats"],
            ["register", "--received", "2017-08-15", "--delegation", "Atlantis", "--head", "Mr. A. B"],
        ] {
            _ = try msp.run(arguments + ["--database", restored])
            #expect(try Data(contentsOf: URL(fileURLWithPath: restored)) == before, "\(arguments) changed the file")
            #expect(try Self.journalMode(restored) == "delete", "\(arguments) switched the journal mode")
        }
        // A command that succeeds in writing puts it in WAL mode.
        #expect(
            try msp(
                "register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B", "--database",
                restored
            ).status == 0)
        #expect(try Self.journalMode(restored) == "wal")
    }

    @Test func aDatabasePathIsAPathNeverAnSQLiteURIAndAnEmptyOneIsAnError() throws {
        let msp = try MSPRun()
        let result = try msp.run(ReliabilityTests.addMeeting("7MSP") + ["--database", "file:x.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(msp.exists("file:x.sqlite") && !msp.exists("x.sqlite"))
        #expect(Self.mode(msp.path("file:x.sqlite")) == 0o600)
        let memory = try msp.run(["meeting", "list", "--database", "file:m?mode=memory"])
        #expect(memory.status == 0 && memory.stdout == "(none)\n", "\(memory.stderr)")
        let empty = try msp.run(["meeting", "list", "--database", ""])
        #expect(empty.status == 64 && empty.stderr.contains("--database: an empty path"), "\(empty.stderr)")
        #expect(!msp.exists("msp.sqlite"))
    }
}

// MARK: 10. Locks, waits and statuses (issue 11)

extension ReliabilityTests {
    @Test func aWriterKeptWaitingPastTheBusyTimeoutExits75SayingAnotherMspIsWriting() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let queue = try DatabaseQueue(path: msp.database)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let result = try msp.run(
                ["register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B"],
                environment: ["MSP_BUSY_TIMEOUT": "1"])
            #expect(result.status == 75, "\(result.stderr)")
            #expect(result.stderr.contains("another msp is writing to"), "\(result.stderr)")
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func aDatabasePathThatIsAFolderOrADeviceOrReadOnlyIs66() throws {
        let msp = try MSPRun()
        try FileManager.default.createDirectory(atPath: msp.path("folder"), withIntermediateDirectories: false)
        for (database, said) in [(msp.path("folder"), "it is a folder"), ("/dev/null", "not a regular file")] {
            for arguments in [["meeting", "list"], ReliabilityTests.addMeeting("7MSP")] {
                let result = try msp.run(arguments + ["--database", database])
                #expect(result.status == 66 && result.stderr.contains(said), "\(database): \(result.stderr)")
            }
        }
        // A read-only file refuses a command that writes (root writes anyway: then nothing to check).
        try msp.add7MSP()
        chmod(msp.database, 0o400)
        defer { chmod(msp.database, 0o600) }
        if geteuid() != 0 {
            let result = try msp.run(ReliabilityTests.addMeeting("8MSP"))
            #expect(result.status == 66, "\(result.stderr)")
        }
        // Reading it still works.
        #expect(try msp("meeting", "list").status == 0)
    }

    @Test func aPageFoundDamagedMidQuerySaysSoAndPointsAtTheRestoreSteps() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(
            try msp("register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B").status == 0)
        let (root, pageSize) = try {
            let queue = try DatabaseQueue(path: msp.database)
            defer { try? queue.close() }
            return try queue.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'participant'") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                )
            }
        }()
        #expect(root > 1)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: msp.database))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0x5A, count: pageSize))
        try handle.close()
        let result = try msp("export-roster", "--format", "csv")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(
            result.stderr.contains("is damaged") && result.stderr.contains("restore the latest backup"),
            "\(result.stderr)")
    }

    @Test func aWriteThatTheFileSystemRefusesIs74AndWritesNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let rows = (1...3000).map { "Uganda,,N \($0),2017-08-15,,head,Mr.,Person \($0),,,," }
        try msp.write(
            "big.csv",
            "delegation,category,reference,received_at,channel,role,title,name,function,gender,email,new_organization\n"
                + rows.joined(separator: "\n") + "\n")
        // A file-size limit just above the database: SQLite's writes past it fail (SIGXFSZ ignored, as a full disk
        // would fail them).
        let blocks = ((try FileManager.default.attributesOfItem(atPath: msp.database)[.size] as? Int) ?? 0) / 512 + 8
        let result = try Self.shell(msp, "trap '' XFSZ; ulimit -f \(blocks); exec \"$MSP\" import big.csv")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"), "\(result.stderr)")
        #expect(try msp("list-late").status == 0)
        #expect(try msp("stats", "--format", "json").stdout.contains("\"participants\" : 0"))
    }

    @Test func anImportWaitingForItsInputHoldsNoLockAndAnEndlessRecordEndsIt() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let header =
            "delegation,category,reference,received_at,channel,role,title,name,function,gender,email,new_organization"
        let waiting = Process()
        waiting.executableURL = URL(fileURLWithPath: "/bin/sh")
        waiting.arguments = [
            "-c", "(echo '\(header)'; sleep 4) | exec \"$0\" import - --meeting 7MSP", MSPRun.binary.path,
        ]
        waiting.currentDirectoryURL = msp.folder
        waiting.environment = ProcessInfo.processInfo.environment.merging(["MSP_DATABASE": msp.database]) { $1 }
        try waiting.run()
        usleep(500_000)
        let started = Date()
        let register = try msp("register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "Mr. A. B")
        #expect(register.status == 0, "\(register.stderr)")
        #expect(Date().timeIntervalSince(started) < 3, "a writer waited for an import that was waiting for its input")
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        // /dev/zero has no line end: refused once past 1 MB, at once.
        let zero = try msp("import", "/dev/zero", "--format", "csv")
        #expect(
            zero.status == 65 && zero.stderr.contains("/dev/zero:1: the record is longer than 1 MB"), "\(zero.stderr)")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func anInterruptedImportSaysSoAndWritesNothing(_ signal: Int32) throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(mkfifo(msp.path("never.csv"), 0o600) == 0)
        let importing = try Running(msp, ["import", "never.csv"])
        usleep(700_000)
        kill(importing.process.processIdentifier, signal)
        for _ in 0..<100 where importing.process.isRunning { usleep(100_000) }
        if importing.process.isRunning {
            kill(importing.process.processIdentifier, SIGKILL)
            Issue.record("msp import went on after the signal")
        }
        let result = importing.finish()
        #expect(
            result.stderr == "msp: the import of never.csv was interrupted: nothing was written\n", "\(result.stderr)")
        #expect(importing.process.terminationReason == .uncaughtSignal)
    }
}

// MARK: 11. Who recorded a change (issue 11)

extension ReliabilityTests {
    /// A uid with no passwd entry is recorded as `uid N`, whatever $USER says. Only root can run msp under another
    /// uid (setpriv); as another user the test has nothing to run and says so.
    @Test func aUidWithoutAPasswdEntryIsRecordedAsItsNumberNeverAsUSER() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: running msp under a uid with no passwd entry needs root and setpriv")
            return
        }
        let msp = try MSPRun()
        chmod(msp.folder.path, 0o777)
        let uid = 54_321
        let script =
            "USER=root exec setpriv --reuid=\(uid) --regid=\(uid) --clear-groups \"$MSP\" meeting add 7MSP --title T"
            + " --convention CCM --opens 2017-09-04 --closes 2017-09-06 --deadline 2017-08-18 --time-zone Europe/Zurich"
        let added = try Self.shell(msp, script)
        #expect(added.status == 0, "\(added.stderr)")
        let queue = try DatabaseQueue(path: msp.database)
        defer { try? queue.close() }
        let users = try queue.read { try String.fetchAll($0, sql: "SELECT os_user FROM change") }
        #expect(users == ["uid \(uid)"])
    }
}
