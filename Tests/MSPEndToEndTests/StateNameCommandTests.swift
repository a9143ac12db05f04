import Foundation
import GRDB
import Testing

/// The built `msp` prints a State's name as it was on the meeting's opening day in every output, finds a State by
/// any name it had, and for `treaty status --on DAY` names States on DAY.
@Suite struct StateNameCommandTests {
    static let todays = ["North Macedonia", "Eswatini", "Türkiye"]
    static let in2017 = ["The former Yugoslav Republic of Macedonia", "Swaziland", "Turkey"]

    /// The 7MSP (opening 4 September 2017), the three States registered under today's names, Czechia under its
    /// former one, Türkiye late.
    func sample() throws -> MSPRun {
        let msp = try MSPRun()
        try msp.add7MSP()
        for (name, received, expected) in [
            ("North Macedonia", "2017-08-10", "The former Yugoslav Republic of Macedonia (state_party)"),
            ("Eswatini", "2017-08-10", "Swaziland (state_party)"),
            ("Czech Republic", "2017-08-10", "Czechia (state_party)"),
            ("Türkiye", "2017-08-21", "Turkey (observer_state)"),
        ] {
            let result = try msp("register", "--delegation", name, "--received", received, "--head", "Ms. A. Head")
            expectSuccess(result)
            #expect(result.stdout.hasPrefix("Recorded registration of \(expected) for 7MSP"), "\(result.stdout)")
        }
        return msp
    }

    func expectNamesOf2017(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for name in Self.in2017 { #expect(text.contains(name), "\(name) in \(text)", sourceLocation: sourceLocation) }
        for name in Self.todays { #expect(!text.contains(name), "\(name) in \(text)", sourceLocation: sourceLocation) }
    }

    @Test(arguments: ["table", "csv", "json", "markdown", "html"])
    func theListOfParticipantsInEveryFormat(format: String) throws {
        let msp = try sample()
        let result = try msp("export-roster", "--format", format)
        expectSuccess(result)
        expectNamesOf2017(result.stdout)
    }

    @Test func theListOfParticipantsSortsByThePrintedName() throws {
        let msp = try sample()
        let result = try msp("export-roster", "--format", "json")
        let groups = try #require((try result.json() as? [String: Any])?["groups"] as? [[String: Any]])
        let parties = (groups[0]["delegations"] as? [[String: Any]] ?? []).map { $0["name"] as? String }
        #expect(parties == ["Czechia", "Swaziland", "The former Yugoslav Republic of Macedonia"])
    }

    @Test func lateNotesHistoryCredentialsAndWithdrawal() throws {
        let msp = try sample()
        let late = try msp("list-late", "--format", "json")
        expectSuccess(late)
        #expect((try late.json() as? [[String: Any]])?.map { $0["delegation"] as? String } == ["Turkey"])
        let history = try msp("history", "--delegation", "Türkiye", "--format", "csv")
        expectSuccess(history)
        #expect(csvRows(history.stdout).dropFirst().map { $0[0] } == ["Turkey"])
        #expect(
            try msp("history", "--delegation", "Türkiye").stdout.hasPrefix(
                "Notes, credentials and focal points of Turkey for 7MSP"))

        let recorded = try msp(
            "credentials", "record", "--received", "2017-09-04T09:30", "--delegation", "Eswatini", "--kind", "original")
        expectSuccess(recorded)
        #expect(recorded.stdout.hasPrefix("Recorded for Swaziland at 7MSP"), "\(recorded.stdout)")
        let report = try msp("credentials", "report", "--format", "json")
        expectSuccess(report)
        let lists = try #require(try report.json() as? [String: Any])
        #expect(lists["original"] as? [String] == ["Swaziland"])
        #expect(lists["missing"] as? [String] == ["Czechia", "The former Yugoslav Republic of Macedonia"])
        let html = try msp("credentials", "report", "--format", "html")
        #expect(html.stdout.contains("Swaziland") && !html.stdout.contains("Eswatini"))

        let withdrawn = try msp("withdraw", "--delegation", "North Macedonia", "--received", "2017-08-30")
        expectSuccess(withdrawn)
        #expect(withdrawn.stdout.hasPrefix("Recorded the withdrawal of The former Yugoslav Republic of Macedonia"))
    }

    @Test func statsCountTheSameDelegations() throws {
        let msp = try sample()
        let stats = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        #expect(stats["states_parties_registered"] as? Int == 3)
        #expect(stats["delegations"] as? Int == 4)
    }

    /// A database written when msp copied today's names into `delegation.name`: every output still prints the
    /// names of the opening day.
    @Test func aDatabaseHoldingTodaysNamesPrintsTheNamesOfTheOpeningDay() throws {
        let msp = try sample()
        let queue = try DatabaseQueue(path: msp.database)
        try queue.write { db in
            for (iso3, name) in [("MKD", "North Macedonia"), ("SWZ", "Eswatini"), ("TUR", "Türkiye")] {
                try db.execute(
                    sql: "UPDATE delegation SET name = ?, sort_key = lower(?) WHERE state_iso3 = ?",
                    arguments: [name, name, iso3])
            }
        }
        try queue.close()
        let roster = try msp("export-roster", "--format", "csv")
        expectSuccess(roster)
        #expect(
            csvRows(roster.stdout).dropFirst().map { $0[1] } == [
                "Czechia", "Swaziland", "The former Yugoslav Republic of Macedonia", "Turkey",
            ])
        expectNamesOf2017(try msp("list-late").stdout + msp("credentials", "report").stdout + roster.stdout)
    }

    @Test func aLaterMeetingPrintsTodaysNameForAFormerName() throws {
        let msp = try MSPRun()
        expectSuccess(
            try msp(
                "meeting", "add", "13MSP", "--title", "Thirteenth Meeting of States Parties", "--convention", "CCM",
                "--opens", "2025-09-02", "--closes", "2025-09-05", "--deadline", "2025-08-15",
                "--time-zone", "Europe/Zurich"))
        let result = try msp("register", "--delegation", "Swaziland", "--received", "2025-08-01", "--head", "Mr. B")
        expectSuccess(result)
        #expect(result.stdout.hasPrefix("Recorded registration of Eswatini (state_party) for 13MSP"))
        #expect(try msp("export-roster", "--format", "csv").stdout.contains("state_party,Eswatini,head,Mr.,B,"))
    }

    @Test func namesAsDocumentsWriteThemRegister() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        for (index, typed) in ["the Holy See", "the FYR of Macedonia", "cote divoire", "Cote d Ivoire"].enumerated() {
            expectSuccess(
                try msp(
                    "register", "--received", "2017-08-15", "--delegation", typed, "--reference", "N\(index)", "--head",
                    "Mr. A. Person"))
        }
        let roster = try msp("export-roster", "--format", "csv")
        #expect(
            Set(csvRows(roster.stdout).dropFirst().map { $0[1] }) == [
                "Holy See", "The former Yugoslav Republic of Macedonia", "Côte d'Ivoire",
            ])
    }

    @Test func treatyStatusNamesStatesOnTheDayAsked() throws {
        let msp = try MSPRun()
        let in2017 = try msp("treaty", "status", "--on", "2017-09-04", "--format", "json")
        expectSuccess(in2017)
        let parties2017 = try #require((try in2017.json() as? [String: Any])?["parties"] as? [[String: Any]])
        let names2017 = Set(parties2017.compactMap { $0["name"] as? String })
        #expect(names2017.isSuperset(of: ["The former Yugoslav Republic of Macedonia", "Swaziland", "Czechia"]))
        #expect(names2017.isDisjoint(with: ["North Macedonia", "Eswatini"]))

        let in2025 = try msp("treaty", "status", "--on", "2025-12-31", "--format", "json")
        let parties2025 = try #require((try in2025.json() as? [String: Any])?["parties"] as? [[String: Any]])
        #expect(Set(parties2025.compactMap { $0["name"] as? String }).isSuperset(of: ["North Macedonia", "Eswatini"]))

        // The table sorts names as the list of participants does: Côte d'Ivoire among the C's, Swaziland among the S's.
        let table = try msp("treaty", "status", "--on", "2017-09-04").stdout.split(separator: "\n")
        let position = { (name: String) in table.firstIndex { $0.hasPrefix(name + " ") } ?? -1 }
        #expect(position("Costa Rica") < position("Côte d'Ivoire"))
        #expect(position("Côte d'Ivoire") < position("Croatia"))
        #expect(position("Sweden") > position("Swaziland") && position("Swaziland") > position("Spain"))
        #expect(!table.contains { $0.hasPrefix("Eswatini") })
    }

    @Test func anAmbiguousNameListsTheStatesItCouldBe() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let result = try msp("register", "--received", "2017-08-15", "--delegation", "Korea", "--head", "Mr. A. Person")
        expectFailure(
            result, status: 65,
            mentioning:
                "--delegation: 'Korea' is ambiguous: it could be Democratic People's Republic of Korea or Republic of Korea"
        )
        #expect(!result.stderr.contains("neither"))
    }
}
