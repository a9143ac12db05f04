import Foundation
import Testing

/// What the clerk types and asks, run with the built msp: participants typed on one line, honorifics, a new
/// organization close to a known one, `delegations`, `absent-states`, `find-person`.
@Suite struct ClerkCommandTests {
    @Test func everyParticipantFieldCanBeTypedAndReachesTheRosterAndTheFigures() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--delegation", "Republic of Korea", "--received", "2017-08-15",
                "--head", "h.e. ms kim, jae-won; Ambassador, Permanent Representative; female; kim@mission.example",
                "--alternate", "Mr. Lee; ; male", "--adviser", "Dr. Park;;;park@mission.example"))
        let roster = try msp("export-roster", "--format", "json")
        expectSuccess(roster)
        #expect(roster.stdout.contains("\"title\" : \"H.E. Ms.\""), "\(roster.stdout)")
        // Typed all in lower case, the name gets its capitals; the comma stays in the name.
        #expect(roster.stdout.contains("\"name\" : \"Kim, Jae-Won\""), "\(roster.stdout)")
        #expect(roster.stdout.contains("\"function\" : \"Ambassador, Permanent Representative\""))
        let stats = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        let genders = try #require(stats["participants_by_gender"] as? [String: Int])
        #expect(genders == ["female": 1, "male": 1, "other": 0, "unspecified": 1])
    }

    @Test func aGenderInThePlaceOfTheFunctionIsRefusedAndNothingIsWritten() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let before = msp.snapshot()
        expectFailure(
            try msp("register", "--received", "2017-08-15", "--delegation", "Kenya", "--head", "Ms. A. Mwangi; female"),
            status: 65,
            mentioning: "participant 1.function: 'female' is a gender in the place of the function")
        #expect(msp.snapshot() == before)
    }

    @Test func aNewOrganizationCloseToAKnownOneNeedsNewOrganization() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let before = msp.snapshot()
        let typed = [
            "register", "--received", "2017-08-15", "--delegation", "Clusterr Munition Coalition", "--category",
            "civil_society",
            "--head", "Ms. A. Example",
        ]
        expectFailure(
            try msp.run(typed), status: 65,
            mentioning:
                "--new-organization: 'Clusterr Munition Coalition' is not a known organization but is close to 'Cluster Munition Coalition' (CMC)"
        )
        #expect(msp.snapshot() == before)
        let confirmed = try msp.run(typed + ["--new-organization"])
        expectSuccess(confirmed)
        #expect(confirmed.stdout.contains("Recorded registration of Clusterr Munition Coalition"))
    }

    @Test func delegationsListsEveryDelegationInEveryFormat() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(try msp("withdraw", "--delegation", "Uganda", "--received", "2017-08-30T09:00"))
        expectSuccess(
            try msp(
                "credentials", "record", "--received", "2017-09-04T09:30", "--delegation", "Germany", "--kind",
                "original"))
        let csv = try msp("delegations", "--format", "csv")
        expectSuccess(csv)
        let rows = csvRows(csv.stdout)
        #expect(
            rows.first == [
                "delegation", "category", "participants", "first_note_at", "first_note_precision", "latest_note_at",
                "latest_note_precision", "latest_note_kind", "late", "late_notes", "late_pending", "late_accepted",
                "late_declined", "withdrawn", "credentials",
            ])
        #expect(rows.map { $0[0] } == ["delegation", "Germany", "Uganda", "Cluster Munition Coalition"])
        #expect(
            rows[1] == [
                "Germany", "state_party", "2", "2017-07-20T09:15:00+02:00", "instant", "2017-07-20T09:15:00+02:00",
                "instant", "registration", "false", "0", "0", "0", "0", "false", "original",
            ])
        #expect(rows[2][2] == "0" && rows[2][7] == "withdrawal" && rows[2][13] == "true")
        #expect(rows[3][4] == "date" && rows[3][8] == "true" && rows[3][9] == "1" && rows[3][10] == "1")
        let json = try #require(try msp("delegations", "--format", "json").json() as? [[String: Any]])
        #expect(json.count == 3 && json[0]["late"] as? Bool == false && json[0]["credentials"] as? String == "original")
        let ndjson = try msp("delegations", "--format", "ndjson")
        #expect(ndjson.stdout.split(separator: "\n").count == 3)
        let table = try msp("delegations")
        expectSuccess(table)
        #expect(table.stdout.hasPrefix("Delegations registered for 7MSP: 3\n"))
        expectFailure(try msp("delegations", "--format", "html"), status: 64, mentioning: "html")
    }

    @Test func absentStatesListsThePartiesAndSignatoriesWithoutADelegation() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        let csv = try msp("absent-states", "--format", "csv")
        expectSuccess(csv)
        let rows = csvRows(csv.stdout)
        #expect(rows.first == ["state", "iso3", "category", "reason"])
        // 102 States Parties (Germany registered) and 17 signatories (Uganda registered) at the opening.
        #expect(rows.filter { $0[2] == "state_party" }.count == 101)
        #expect(rows.filter { $0[2] == "signatory_state" }.count == 16)
        #expect(!rows.contains { $0[1] == "DEU" || $0[1] == "UGA" })
        let table = try msp("absent-states")
        #expect(
            table.stdout.hasPrefix("Absent from 7MSP on 4 September 2017: 101 States Parties and 16 signatory States\n")
        )
    }

    @Test func findPersonIgnoresCaseAndDiacritics() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        let found = try msp("find-person", "schafer", "--format", "csv")
        expectSuccess(found)
        #expect(
            csvRows(found.stdout) == [
                ["note", "participant", "delegation", "category", "role", "title", "name", "function"],
                // Germany's note (3) gives the adviser first: the place is the note's, which correct takes.
                ["3", "1", "Germany", "state_party", "adviser", "Mr.", "Jonas Schäfer", "Legal Adviser"],
            ])
        let none = try msp("find-person", "Nobody")
        expectSuccess(none)
        #expect(none.stdout.contains("0 found"))
        expectFailure(try msp("find-person", " "), status: 65, mentioning: "NAME: the name to search for is empty")
    }
}
