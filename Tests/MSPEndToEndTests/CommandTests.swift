import Foundation
import Testing

/// Each command of the issue, run as a user runs it.
@Suite struct MeetingCommandTests {
    @Test func addListAndShow() throws {
        let msp = try MSPRun()
        let added = try msp(
            "meeting", "add", "7MSP",
            "--title", "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
            "--convention", "CCM", "--opens", "2017-09-04", "--closes", "2017-09-06",
            "--deadline", "2017-08-18", "--time-zone", "Europe/Zurich",
            "--venue", "Palais des Nations, Room XIX, Geneva")
        expectSuccess(added)
        #expect(added.stdout.contains("4–6 September 2017"))
        #expect(added.stdout.contains("2017-08-19T00:00:00+02:00"))

        let table = try msp("meeting", "list")
        expectSuccess(table)
        #expect(table.stdout.contains("7MSP"))

        let csv = try msp("meeting", "list", "--format", "csv")
        expectSuccess(csv)
        let rows = csvRows(csv.stdout)
        // The same keys as the JSON objects (the CSV once said `deadline` where JSON said `deadline_at`).
        #expect(
            rows.first == [
                "code", "title", "convention", "opens", "closes", "deadline_at", "deadline_day", "time_zone", "venue",
                "undecided_late_notes",
            ])
        #expect(rows.count == 2)
        #expect(
            rows.last?.prefix(8) == [
                "7MSP", "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
                "CCM", "2017-09-04", "2017-09-06", "2017-08-19T00:00:00+02:00", "2017-08-18", "Europe/Zurich",
            ])

        let json = try msp("meeting", "list", "--format", "json")
        expectSuccess(json)
        let meetings = try #require(try json.json() as? [[String: Any]])
        #expect(meetings.map { $0["code"] as? String } == ["7MSP"])
        #expect(meetings.first?["deadline_day"] as? String == "2017-08-18")

        try msp.registerSampleNotes()
        let show = try msp("meeting", "show", "7MSP")
        expectSuccess(show)
        #expect(
            show.stdout.contains(
                "Deadline:     18 August 2017, end of day in Europe/Zurich (2017-08-19T00:00:00+02:00)"))
        #expect(show.stdout.contains("Notes:        3, of which 1 late"))

        let shown = try #require(try msp("meeting", "show", "7MSP", "--format", "json").json() as? [String: Any])
        #expect(shown["code"] as? String == "7MSP")
        #expect(shown["delegations"] as? Int == 3)
        #expect(shown["participants"] as? Int == 6)
        #expect(shown["notes"] as? Int == 3)
        #expect(shown["late_notes"] as? Int == 1)
    }

    @Test func anInstantDeadlineIsKeptToTheSecond() throws {
        let msp = try MSPRun()
        expectSuccess(
            try msp(
                "meeting", "add", "IM2018", "--title", "Intersessional meeting", "--convention", "ccm",
                "--opens", "2018-06-04", "--closes", "2018-06-05", "--deadline", "2018-05-25T12:00",
                "--time-zone", "Europe/Zurich"))
        let meetings = try #require(try msp("meeting", "list", "--format", "json").json() as? [[String: Any]])
        #expect(meetings.first?["deadline_at"] as? String == "2018-05-25T12:00:00+02:00")
        #expect(meetings.first?["convention"] as? String == "CCM")
        #expect(meetings.first?["deadline_day"] is NSNull)
    }
}

@Suite struct RegisterCommandTests {
    @Test func byOptions() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let result = try msp(
            "register", "--delegation", "tanzania", "--received", "2017-08-18T23:59:59+02:00",
            "--reference", "Note 7/2017", "--channel", "hand", "--head", "H.E. Ms. Jane Doe")
        expectSuccess(result)
        #expect(result.stdout.contains("registration of United Republic of Tanzania (signatory_state) for 7MSP"))
        #expect(result.stdout.contains("on time"))
        let late = try msp(
            "register", "--head", "Mr. A. Head", "--delegation", "TZ", "--received", "2017-08-18T18:30:00-04:00",
            "--reference", "Note 8/2017")
        expectSuccess(late)
        #expect(late.stdout.contains("amendment of United Republic of Tanzania"))
        #expect(
            late.stdout.contains(
                "LATE: received 30 minutes after the deadline (1800 s after 2017-08-19T00:00:00+02:00)"))
    }

    @Test func byFile() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.write("kenya.json", Self.kenya)
        let result = try msp("register", "--file", "kenya.json")
        expectSuccess(result)
        #expect(
            result.stdout.contains(
                "registration of Kenya (signatory_state) for 7MSP, note Note KMG/DIS/17/3, 1 participant"))
        #expect(result.stdout.contains("LATE"))
        let roster = try #require(try msp("export-roster", "--format", "json").json() as? [String: Any])
        let groups = try #require(roster["groups"] as? [[String: Any]])
        let kenya = try #require((groups[1]["delegations"] as? [[String: Any]])?.first)
        #expect(kenya["name"] as? String == "Kenya")
        let head = try #require((kenya["participants"] as? [[String: Any]])?.first)
        #expect(head["title"] as? String == "Ms.")
        #expect(head["name"] as? String == "Wanjiru Kamau")
        #expect(head["function"] as? String == "First Counsellor")
    }

    /// `-`, and names of standard input that are a pipe here (as `<(...)` is): whatever can be read is read.
    @Test(arguments: ["-", "/dev/stdin", "/dev/fd/0"])
    func byStandardInput(_ file: String) throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let result = try msp("register", "--file", file, stdin: Self.kenya)
        expectSuccess(result)
        #expect(result.stdout.contains("registration of Kenya"))
        let late = try #require(try msp("list-late", "--format", "json").json() as? [[String: Any]])
        #expect(late.map { $0["reference"] as? String } == ["Note KMG/DIS/17/3"])
    }

    /// A process substitution of bash (`--file <(...)`, `import <(...)`): a pipe named /dev/fd/63, read as it comes.
    @Test func aProcessSubstitutionIsRead() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.write("kenya.json", Self.kenya)
        let bash = try msp.run(
            [
                "-c",
                #""$MSP" import --format json --dry-run <(tr -d '\n' < kenya.json) && "$MSP" register --file <(cat kenya.json)"#,
            ], stdinData: nil, environment: ["MSP": MSPRun.binary.path], executable: "/bin/bash")
        expectSuccess(bash)
        #expect(bash.stdout.contains("registration of Kenya") && bash.stdout.contains("from /dev/fd/"))
    }

    @Test func aDryRunReportsAndWritesNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.write("kenya.json", Self.kenya)
        let before = msp.snapshot()
        let result = try msp("register", "--file", "kenya.json", "--dry-run")
        expectSuccess(result)
        #expect(result.stdout.hasPrefix("Dry run, nothing written: would record registration of Kenya"))
        #expect(result.stdout.contains("LATE"))
        #expect(msp.snapshot() == before)
        let late = try #require(try msp("list-late", "--format", "json").json() as? [[String: Any]])
        #expect(late.isEmpty)
    }

    @Test func theMeetingMayBeLeftOutOnlyWhenTheDatabaseHoldsOne() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--received", "2017-08-15", "--head", "Mr. A. Head", "--delegation", "Uganda",
                "--reference", "A"))
        expectSuccess(
            try msp(
                "meeting", "add", "8MSP", "--title", "Eighth Meeting of States Parties", "--convention", "CCM",
                "--opens", "2018-09-03", "--closes", "2018-09-05", "--deadline", "2018-08-17",
                "--time-zone", "Europe/Zurich"))
        let before = msp.snapshot()
        expectFailure(
            try msp(
                "register", "--received", "2017-08-15", "--head", "Mr. A. Head", "--delegation", "Uganda",
                "--reference", "B"), status: 65,
            mentioning: "--meeting: the database holds several meetings (7MSP, 8MSP): choose one")
        expectFailure(try msp("list-late"), status: 65, mentioning: "--meeting")
        expectFailure(try msp("export-roster"), status: 65, mentioning: "--meeting")
        #expect(msp.snapshot() == before)
        expectSuccess(
            try msp(
                "register", "--received", "2017-08-15", "--head", "Mr. A. Head", "--delegation", "Uganda",
                "--reference", "B", "--meeting", "8MSP"))
        let roster = try #require(
            try msp("export-roster", "--meeting", "8MSP", "--format", "json").json() as? [String: Any])
        #expect((roster["meeting"] as? [String: Any])?["code"] as? String == "8MSP")
    }

    static let kenya = """
        {"meeting": "7MSP", "delegation": "Kenya", "category": null, "reference": "Note KMG/DIS/17/3",
         "received_at": "2017-08-18T18:30:00-04:00", "channel": "email",
         "participants": [{"role": "head", "title": "Ms.", "name": "Wanjiru Kamau", "function": "First Counsellor",
                           "gender": "female", "email": "w.kamau@example.org"}]}
        """
}

@Suite struct ListLateCommandTests {
    func sample() throws -> MSPRun {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(
            try msp(
                "register", "--head", "Mr. A. Head", "--delegation", "Kenya", "--received", "2017-08-18T18:30:00-04:00",
                "--reference", "K1", "--channel", "email"))
        expectSuccess(
            try msp(
                "register", "--head", "Mr. A. Head", "--delegation", "UG", "--received", "2017-08-21T09:00",
                "--reference", "Note 51/2017"))
        return msp
    }

    @Test func json() throws {
        let msp = try sample()
        let result = try msp("list-late", "--meeting", "7MSP", "--format", "json")
        expectSuccess(result)
        let notes = try #require(try result.json() as? [[String: Any]])
        #expect(notes.map { $0["delegation"] as? String } == ["Kenya", "Cluster Munition Coalition", "Uganda"])
        #expect(notes.map { $0["category"] as? String } == ["signatory_state", "civil_society", "signatory_state"])
        #expect(notes.map { $0["kind"] as? String } == ["registration", "registration", "amendment"])
        #expect(notes.map { $0["reference"] as? String } == ["K1", nil, "Note 51/2017"])
        #expect(
            notes.map { $0["received_at"] as? String }
                == ["2017-08-19T00:30:00+02:00", "2017-08-20T00:00:00+02:00", "2017-08-21T09:00:00+02:00"])
        #expect(notes.map { $0["late_by_seconds"] as? Int } == [1800, nil, 2 * 86400 + 9 * 3600])
        #expect(notes.map { $0["late_by_days"] as? Int } == [nil, 2, nil])
        #expect(notes.map { $0["late_by"] as? String } == ["30 minutes", "2 days (date only)", "2 days 9 hours"])
        #expect(notes.map { $0["received_precision"] as? String } == ["instant", "date", "instant"])
        #expect(notes.first?["channel"] as? String == "email")
    }

    @Test func csv() throws {
        let msp = try sample()
        let result = try msp("list-late", "--format", "csv")
        expectSuccess(result)
        let rows = csvRows(result.stdout)
        // CSV is for machines: the JSON fields, each cell plain (no "(date only)" in a time, seconds as a number).
        let header = try #require(rows.first)
        #expect(
            header == [
                "note", "delegation", "category", "reference", "kind", "received_at", "received_precision",
                "late_by_seconds", "late_by_days", "late_by", "channel", "decision", "decided_by", "decided_at",
                "decision_reason",
            ])
        func column(_ name: String) -> [String] {
            let index = header.firstIndex(of: name)!
            return rows.dropFirst().map { $0[index] }
        }
        #expect(column("delegation") == ["Kenya", "Cluster Munition Coalition", "Uganda"])
        #expect(column("kind") == ["registration", "registration", "amendment"])
        #expect(
            column("received_at") == [
                "2017-08-19T00:30:00+02:00", "2017-08-20T00:00:00+02:00", "2017-08-21T09:00:00+02:00",
            ])
        #expect(column("received_precision") == ["instant", "date", "instant"])
        #expect(column("late_by_seconds") == ["1800", "", String(2 * 86400 + 9 * 3600)])
        #expect(column("late_by_days") == ["", "2", ""])
        #expect(column("late_by") == ["30 minutes", "2 days (date only)", "2 days 9 hours"])
        #expect(column("decision") == ["pending", "pending", "pending"])
    }

    @Test func ndjson() throws {
        let msp = try sample()
        let result = try msp("list-late", "--format", "ndjson")
        expectSuccess(result)
        let objects = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.map { $0?["delegation"] as? String } == ["Kenya", "Cluster Munition Coalition", "Uganda"])
    }

    @Test func table() throws {
        let msp = try sample()
        let result = try msp("list-late")
        expectSuccess(result)
        #expect(result.stdout.hasPrefix("Late notes for 7MSP (deadline 18 August 2017, end of day in Europe/Zurich"))
        #expect(result.stdout.contains("): 3\n"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 2 + 3)
        #expect(
            lines[3].contains("Kenya") && lines[4].contains("Cluster Munition Coalition") && lines[5].contains("Uganda")
        )
    }

    @Test func noLateNotes() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(try msp("list-late", "--format", "json").json() as? [Any] != nil)
        #expect(try msp("list-late").stdout.hasSuffix("(none)\n"))
    }
}

@Suite struct ExportRosterCommandTests {
    func sample() throws -> MSPRun {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(
            try msp("register", "--received", "2017-08-15", "--delegation", "Côte d’Ivoire", "--head", "Mr. K. Kouassi")
        )
        expectSuccess(
            try msp(
                "register", "--received", "2017-08-15", "--delegation", "ICRC", "--category",
                "international_organization", "--head", "Dr. R. Red"))
        return msp
    }

    @Test func jsonHasTheShapeTheIssueSpecifies() throws {
        let msp = try sample()
        let result = try msp("export-roster", "--format", "json")
        expectSuccess(result)
        let roster = try #require(try result.json() as? [String: Any])
        let meeting = try #require(roster["meeting"] as? [String: Any])
        #expect(meeting["code"] as? String == "7MSP")
        #expect(
            meeting["title"] as? String == "Seventh Meeting of States Parties to the Convention on Cluster Munitions")
        let groups = try #require(roster["groups"] as? [[String: Any]])
        #expect(
            groups.map { $0["category"] as? String }
                == ["state_party", "signatory_state", "observer_state", "international_organization", "civil_society"])
        #expect(
            groups.map { $0["title"] as? String }
                == [
                    "States Parties", "Signatory States", "Observer States", "International organizations",
                    "Civil society",
                ])
        let delegations = groups.map { ($0["delegations"] as? [[String: Any]] ?? []).map { $0["name"] as? String } }
        #expect(
            delegations == [
                ["Côte d'Ivoire", "Germany"], ["Uganda"], [], ["International Committee of the Red Cross"],
                ["Cluster Munition Coalition"],
            ])
        let uganda = try #require(
            (groups[1]["delegations"] as? [[String: Any]])?.first?["participants"] as? [[String: Any]])
        #expect(uganda.map { $0["role"] as? String } == ["head", "alternate", "adviser"])
        #expect(uganda.map { $0["title"] as? String } == ["H.E. Mr.", "Ms.", "Mr."])
        #expect(uganda.map { $0["name"] as? String } == ["John Doe", "Jane Roe", "Sam Poe"])
        #expect(uganda.allSatisfy { $0["function"] is NSNull })
        let germany = try #require(
            (groups[0]["delegations"] as? [[String: Any]])?.last?["participants"] as? [[String: Any]])
        #expect(germany.map { $0["name"] as? String } == ["Michael Biontino", "Jonas Schäfer"])
        #expect(germany.map { $0["function"] as? String } == ["Ambassador, Permanent Representative", "Legal Adviser"])
    }

    @Test func csv() throws {
        let msp = try sample()
        let result = try msp("export-roster", "--format", "csv")
        expectSuccess(result)
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "category,delegation,role,title,name,function")
        #expect(lines.contains("signatory_state,Uganda,head,H.E. Mr.,John Doe,"))
        #expect(
            lines.contains(
                "state_party,Germany,head,H.E. Mr.,Michael Biontino,\"Ambassador, Permanent Representative\""))
        #expect(lines.count == 1 + 8)
    }

    @Test func table() throws {
        let msp = try sample()
        let result = try msp("export-roster")
        expectSuccess(result)
        let text = result.stdout
        let order = [
            "STATES PARTIES", "Côte d'Ivoire", "Germany", "H.E. Mr. Michael Biontino", "Mr. Jonas Schäfer",
            "SIGNATORY STATES", "Uganda", "OBSERVER STATES", "(none)", "INTERNATIONAL ORGANIZATIONS",
            "CIVIL SOCIETY", "Cluster Munition Coalition",
        ]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(text)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains("5 delegations, 8 participants"))
    }

    @Test func markdown() throws {
        let msp = try sample()
        let result = try msp("export-roster", "--format", "markdown")
        expectSuccess(result)
        #expect(result.stdout.hasPrefix("# Seventh Meeting of States Parties to the Convention on Cluster Munitions\n"))
        for title in [
            "States Parties", "Signatory States", "Observer States", "International organizations", "Civil society",
        ] {
            #expect(result.stdout.contains("\n### \(title)\n"))
        }
        #expect(result.stdout.contains("**Uganda**"))
        #expect(result.stdout.contains("- H.E. Mr. John Doe (Head of delegation)"))
    }

    @Test func htmlToAFile() throws {
        let msp = try sample()
        let result = try msp("export-roster", "--format", "html", "--output", "roster.html")
        expectSuccess(result)
        let page = try String(contentsOfFile: msp.path("roster.html"), encoding: .utf8)
        // What was written, on standard error, before the notice of late notes awaiting a decision.
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Wrote \(page.utf8.count) bytes of html to roster.html.\n"), "\(result.stderr)")
        #expect(page.hasPrefix("<!DOCTYPE html>") || page.lowercased().hasPrefix("<!doctype html>"))
        #expect(page.contains("<h2>States Parties</h2>"))
        #expect(page.contains("<h3><bdi>Côte d&#39;Ivoire</bdi></h3>"))
        #expect(page.contains("H.E. Mr. <bdi class=\"name\">John Doe</bdi>"))
        #expect(page.contains("</html>"))
        // The list holds personal data: the file is its owner's only, like the database.
        let mode = try FileManager.default.attributesOfItem(atPath: msp.path("roster.html"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func textThatLooksLikeMarkupOrAFormulaStaysText() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--received", "2017-08-15", "--delegation", "Acme <Aid> & Co", "--category",
                "civil_society",
                "--head", "=HYPERLINK(\"x\")"))
        let page = try msp("export-roster", "--format", "html")
        expectSuccess(page)
        #expect(page.stdout.contains("Acme &lt;Aid&gt; &amp; Co"))
        #expect(!page.stdout.contains("<Aid>"))
        let csv = try msp("export-roster", "--format", "csv")
        #expect(csv.stdout.contains("civil_society,Acme <Aid> & Co,head,,\"'=HYPERLINK(\"\"x\"\")\","))
    }

    @Test func anEmptyMeetingHasFiveEmptyGroups() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let roster = try #require(try msp("export-roster", "--format", "json").json() as? [String: Any])
        let groups = try #require(roster["groups"] as? [[String: Any]])
        #expect(groups.count == 5)
        #expect(groups.allSatisfy { ($0["delegations"] as? [Any])?.isEmpty == true })
    }
}

@Suite struct TreatyAndDemoCommandTests {
    @Test(arguments: [("2017-02-22", 100, 19), ("2017-09-04", 102, 17), ("2025-12-31", 112, 12)])
    func treatyStatusJSON(on: String, parties: Int, signatories: Int) throws {
        let msp = try MSPRun()
        let result = try msp("treaty", "status", "--convention", "CCM", "--on", on, "--format", "json")
        expectSuccess(result)
        // Whole numbers, not 102.0 or "102".
        #expect(
            result.stdout.contains("\"states_parties\" : \(parties),")
                || result.stdout.contains("\"states_parties\" : \(parties)\n"))
        #expect(
            result.stdout.contains("\"signatory_states\" : \(signatories),")
                || result.stdout.contains("\"signatory_states\" : \(signatories)\n"))
        let status = try #require(try result.json() as? [String: Any])
        #expect(status["states_parties"] as? Int == parties)
        #expect(status["signatory_states"] as? Int == signatories)
        #expect((status["parties"] as? [Any])?.count == parties)
        #expect((status["signatories"] as? [Any])?.count == signatories)
    }

    @Test func treatyStatusTable() throws {
        let msp = try MSPRun()
        let result = try msp("treaty", "status", "--on", "2017-09-04")
        expectSuccess(result)
        #expect(result.stdout.hasPrefix("CCM on 4 September 2017: 102 States Parties, 17 signatory States\n"))
        let madagascar = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Madagascar ") })
        #expect(madagascar.contains("2017-05-20") && madagascar.contains("2017-11-01"))
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("Uganda ") && $0.contains("2008-12-03") })
    }

    /// The demo has a database of its own, demo.sqlite, whatever MSP_DATABASE says: the clerk's first meeting does
    /// not land beside it.
    @Test func demo() throws {
        let msp = try MSPRun()
        let first = try msp("demo")
        expectSuccess(first)
        #expect(first.stdout.hasPrefix("Loaded 7MSP with 22 notes (in ./demo.sqlite).\n"), "\(first.stdout)")
        #expect(first.stdout.contains("Late notes (deadline 18 August 2017"))
        #expect(first.stdout.contains("STATES PARTIES"))
        #expect(first.stdout.contains("Next: msp export-roster --database demo.sqlite --format html"))
        #expect(msp.exists("demo.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: msp.database))
        let again = try msp("demo")
        expectSuccess(again)
        #expect(again.stdout.hasPrefix("7MSP is already in ./demo.sqlite; showing it."))
        // Unset, the working database is still ./msp.sqlite, and the demo is not in it.
        let added = try msp.run(
            [
                "meeting", "add", "8MSP", "--title", "Eighth Meeting", "--convention", "CCM", "--opens", "2018-09-03",
                "--closes", "2018-09-05", "--deadline", "2018-08-17", "--time-zone", "Europe/Zurich",
            ],
            unsetting: ["MSP_DATABASE"])
        expectSuccess(added)
        #expect(added.stdout.hasPrefix("Added 8MSP: Eighth Meeting"), "\(added.stdout)")
        #expect(added.stdout.hasSuffix(" (in ./msp.sqlite).\n"), "\(added.stdout)")
        let meetings = try msp.run(["meeting", "list", "--format", "json"], unsetting: ["MSP_DATABASE"])
        #expect((try meetings.json() as? [[String: Any]])?.map { $0["code"] as? String } == ["8MSP"])
        let roster = try #require(
            try msp("export-roster", "--database", "demo.sqlite", "--format", "json").json() as? [String: Any])
        #expect((roster["meeting"] as? [String: Any])?["code"] as? String == "7MSP")
        let germany = (roster["groups"] as? [[String: Any]])?.first?["delegations"] as? [[String: Any]]
        #expect(germany?.contains { $0["name"] as? String == "Germany" } == true)
    }
}

@Suite struct DatabaseLocationTests {
    @Test func theOptionWinsOverTheEnvironmentWhichWinsOverTheWorkingFolder() throws {
        let msp = try MSPRun()
        // A command that writes (and records nothing new) shows which file it used: reading commands create none.
        let list = ["treaty", "record", "--state", "Uganda", "--signed", "2008-12-03"]
        expectSuccess(
            try msp.run(
                list + ["--database", msp.path("option.sqlite")], environment: ["MSP_DATABASE": msp.path("env.sqlite")])
        )
        #expect(msp.exists("option.sqlite"))
        #expect(!msp.exists("env.sqlite"))
        #expect(!msp.exists("msp.sqlite"))

        expectSuccess(try msp.run(list, environment: ["MSP_DATABASE": msp.path("env.sqlite")]))
        #expect(msp.exists("env.sqlite"))
        #expect(!msp.exists("msp.sqlite"))

        expectSuccess(try msp.run(list, unsetting: ["MSP_DATABASE"]))
        #expect(msp.exists("msp.sqlite"))
    }

    /// Every command that writes names, on its first line, the database file it wrote to.
    @Test func everyCommandThatWritesNamesTheDatabaseItWroteTo() throws {
        let msp = try MSPRun()
        let said = " (in \(msp.database))"
        try msp.add7MSP()
        let commands: [[String]] = [
            ["register", "--delegation", "Kenya", "--received", "2017-08-25", "--reference", "K1", "--head", "Ms. A"],
            ["correct", "1", "--reference", "K 1", "--reason", "Misread"],
            ["undo", "1", "--reason", "Read right"],
            ["accept", "1", "--reason", "Sent on time"],
            ["decline", "1", "--reason", "After all"],
            ["void", "1", "--reason", "Typed by mistake"],
            ["restore", "1", "--reason", "A note after all"],
            ["credentials", "record", "--delegation", "Kenya", "--kind", "copy", "--received", "2017-09-04"],
            ["withdraw", "--delegation", "Kenya", "--received", "2017-08-30"],
            ["treaty", "record", "--state", "Kazakhstan", "--signed", "2020-01-15"],
            ["document", "set", "participants", "--symbol", "CCM/MSP/2017/INF.1"],
            ["meeting", "set", "--undecided-late-notes", "hold"],
            [
                "focal-point", "add", "--delegation", "Norway", "--email", "f@no.example", "--base-url",
                "https://x.example",
            ],
        ]
        for command in commands {
            let result = try msp.run(command)
            expectSuccess(result)
            let first = result.stdout.split(separator: "\n").first ?? ""
            #expect(first.contains(said), "\(command): \(result.stdout)")
        }
    }

    @Test func aMeetingAddedToOneDatabaseIsNotInAnother() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let other = try msp.run(["meeting", "list", "--format", "json", "--database", "other.sqlite"])
        #expect(try other.json() as? [Any] != nil)
        #expect((try other.json() as? [Any])?.isEmpty == true)
        let here = try msp.run(["meeting", "list", "--format", "json"], unsetting: ["MSP_DATABASE"])
        #expect((try here.json() as? [[String: Any]])?.first?["code"] as? String == "7MSP")
    }

    @Test func aCopyOfTheBinaryElsewhereCarriesItsReferenceData() throws {
        let home = try MSPRun()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let copy = home.folder.appending(path: "bin/msp")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: MSPRun.binary, to: copy)
        var msp = try MSPRun()
        msp.binary = copy
        try msp.add7MSP()
        let uganda = try msp(
            "register", "--received", "2017-08-15", "--delegation", "Uganda", "--head", "H.E. Mr. John Doe")
        expectSuccess(uganda)
        #expect(uganda.stdout.contains("registration of Uganda (signatory_state)"))
        let status = try msp("treaty", "status", "--on", "2017-09-04", "--format", "json")
        expectSuccess(status)
        #expect((try status.json() as? [String: Any])?["states_parties"] as? Int == 102)
    }
}
