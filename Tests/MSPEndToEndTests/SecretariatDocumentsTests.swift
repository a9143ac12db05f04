import Foundation
import GRDB
import Testing

/// `msp stats`, `msp credentials record|report`: the secretariat's figures and the credentials report, run as a
/// user runs them.
@Suite struct StatsCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func figuresAsATableAndAsJSON() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        #expect(
            try msp(
                "register", "--delegation", "Germany", "--received", "2017-07-20", "--channel", "email",
                "--head", "H.E. Mr. Michael Biontino", "--alternate", "Ms. Katrin Vogel"
            ).status == 0)
        #expect(
            try msp(
                "register", "--delegation", "Uganda", "--received", "2017-08-19T00:30", "--channel", "fax",
                "--head", "Mr. C. Onyanga"
            ).status == 0)
        #expect(
            try msp("register", "--delegation", "ICRC", "--received", "2017-08-01", "--head", "Ms. K. Lawand").status
                == 0)

        let table = try msp("stats")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("States Parties registered: 1 of 102"))
        #expect(table.stdout.contains("Notes: 3, of which late: 1"))

        let result = try msp("stats", "--meeting", "7MSP", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["states_parties_registered"] as? Int == 1)
        #expect(object["states_parties_total"] as? Int == 102)
        let byCategory = try #require(object["participants_by_category"] as? [String: Int])
        #expect(
            byCategory == [
                "state_party": 2, "signatory_state": 1, "observer_state": 0,
                "international_organization": 1, "civil_society": 0,
            ])
        #expect((object["delegations_by_category"] as? [String: Int])?["signatory_state"] == 1)
        #expect(object["late_notes"] as? Int == 1)
        #expect(
            (object["notes_by_channel"] as? [String: Int]) == [
                "email": 1, "fax": 1, "post": 0, "hand": 0, "unspecified": 1,
            ])
        #expect((object["participants_by_gender"] as? [String: Int])?["unspecified"] == 4)
    }

    @Test func anUnknownMeetingOrFormatIsRefusedAndChangesNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let before = try msp.databaseContents()
        let unknown = try msp("stats", "--meeting", "8MSP")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("msp: --meeting: no meeting '8MSP'"))
        let format = try msp("stats", "--format", "csv")
        #expect(format.status == 64)
        #expect(format.stderr.hasPrefix("msp: "))
        #expect(try msp.databaseContents() == before)
    }
}

@Suite struct CredentialsCommandTests {
    func registerThree(_ msp: MSPRun) throws {
        try msp.add7MSP()
        for state in ["Germany", "Benin", "Côte d'Ivoire"] {
            let result = try msp("register", "--delegation", state, "--received", "2017-08-01", "--head", "Mr. Head")
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(
            try msp("register", "--delegation", "Uganda", "--received", "2017-08-01", "--head", "Mr. Head").status == 0)
    }

    @Test func recordThenReportTheFourLists() throws {
        let msp = try MSPRun()
        try registerThree(msp)
        let copy = try msp(
            "credentials", "record", "--delegation", "Germany", "--kind", "copy", "--received", "2017-09-01")
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(
            copy.stdout.contains(
                "Recorded for Germany at 7MSP: a copy or communication, received 2017-09-01T00:00:00+02:00"))
        let original = try msp(
            "credentials", "record", "--delegation", "DEU", "--kind", "original", "--received", "2017-09-04T09:00")
        #expect(original.stdout.contains("(before: copy)"))
        // Received before the original, recorded after it: kept, but the original counts.
        let older = try msp(
            "credentials", "record", "--delegation", "germany", "--kind", "note-verbale", "--received", "2017-08-15")
        #expect(older.status == 0)
        #expect(older.stdout.contains("A record received later counts"))
        #expect(
            try msp(
                "credentials", "record", "--delegation", "Benin", "--kind", "note-verbale", "--received", "2017-09-04"
            ).status == 0)
        let uganda = try msp(
            "credentials", "record", "--delegation", "Uganda", "--kind", "original", "--received", "2017-09-04")
        #expect(uganda.status == 0)
        #expect(uganda.stdout.contains("not a State Party"))

        let report = try msp("credentials", "report", "--format", "json")
        #expect(report.status == 0, "\(report.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(object["original"] as? [String] == ["Germany"])
        #expect(object["copy"] as? [String] == [])
        #expect(object["note_verbale"] as? [String] == ["Benin"])
        #expect(object["missing"] as? [String] == ["Côte d'Ivoire"])

        let table = try msp("credentials", "report")
        #expect(table.stdout.contains("States Parties that presented formal credentials (1):\n  Germany\n"))
        let html = try msp("credentials", "report", "--format", "html", "--output", "credentials.html")
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: msp.path("credentials.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<section id=\"missing\">") && page.contains("<li>Côte d&#39;Ivoire</li>"))

        // Earlier records stay in the delegation's history, in order of receipt among its notes.
        let history = try msp("history", "--delegation", "Germany", "--format", "json")
        #expect(history.status == 0, "\(history.stderr)")
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let credentials = entries.filter { $0["kind"] as? String == "credentials" }
        #expect(credentials.map { $0["credentials"] as? String } == ["note_verbale", "copy", "original"])
        #expect(
            credentials.map { $0["received_at"] as? String }
                == ["2017-08-15T00:00:00+02:00", "2017-09-01T00:00:00+02:00", "2017-09-04T09:00:00+02:00"])
        #expect(
            credentials.allSatisfy { $0["command"] as? String == "credentials record" && $0["participants"] == nil })
        let historyTable = try msp("history", "--delegation", "Germany")
        #expect(historyTable.stdout.contains("credentials: note_verbale"))
    }

    @Test func refusedRecordsChangeNothing() throws {
        let msp = try MSPRun()
        try registerThree(msp)
        #expect(
            try msp("register", "--delegation", "ICRC", "--received", "2017-08-01", "--head", "Ms. K. Lawand").status
                == 0)
        let before = try msp.databaseContents()
        let cases: [([String], Int32, String)] = [
            (
                ["--delegation", "France", "--kind", "original"], 65,
                "msp: --delegation: France has not registered for 7MSP"
            ),
            (
                ["--delegation", "ICRC", "--kind", "original"], 65,
                "msp: --delegation: International Committee of the Red Cross is not a State"
            ),
            (
                ["--delegation", "Germny", "--kind", "copy"], 65,
                "msp: --delegation: 'Germny' is not a State the United Nations names (did you mean 'Germany'"
            ),
            (["--delegation", "Germany", "--kind", "original", "--received", "2017-13-01"], 65, "msp: --received: "),
            (["--delegation", "Germany", "--kind", "fax"], 64, "msp: "),
            (["--kind", "original"], 64, "msp: "),
            (
                ["--delegation", "Germany", "--kind", "original", "--meeting", "6MSP"], 65,
                "msp: --meeting: no meeting '6MSP'"
            ),
        ]
        for (arguments, status, message) in cases {
            let result = try msp.run(["credentials", "record"] + arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try msp.databaseContents() == before)
    }
}

extension MSPRun {
    /// What the database holds, row by row (schema included), read without writing. A refused command must leave it
    /// as it was. The file's bytes are not compared: opening the file in WAL mode rewrites its header on every open
    /// (GRDB creates and drops a table to make the WAL file exist), whatever the command does.
    func databaseContents() throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: database, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var lines: [String] = []
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for row in try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name") {
                lines.append(row.description)
            }
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY 1") {
                    lines.append("\(table): \(row.description)")
                }
            }
            return lines
        }
    }
}
