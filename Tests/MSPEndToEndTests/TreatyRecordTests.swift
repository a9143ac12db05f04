import Foundation
import Testing

/// `msp treaty record` and `msp treaty import`: keeping the membership data current.
@Suite struct TreatyRecordTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "fixtures/reference/ccm-membership.csv")

    func counts(_ msp: MSPRun) throws -> (parties: Int?, signatories: Int?) {
        let result = try msp("treaty", "status", "--on", "2017-09-04", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (object?["states_parties"] as? Int, object?["signatory_states"] as? Int)
    }

    func rosterCategory(of delegation: String, _ msp: MSPRun) throws -> String? {
        let result = try msp("export-roster", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        for group in object?["groups"] as? [[String: Any]] ?? [] {
            for entry in group["delegations"] as? [[String: Any]] ?? [] where entry["name"] as? String == delegation {
                return group["category"] as? String
            }
        }
        return nil
    }

    @Test func beninsRatificationRecordedOnACopyWithoutItChangesTheCountsAndTheRoster() throws {
        let msp = try MSPRun()
        // The membership table as it stood before Benin's ratification (10 July 2017).
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(text.contains("BEN,Benin,2008-12-03,2017-07-10,ratification,"))
        try text.replacingOccurrences(
            of: "BEN,Benin,2008-12-03,2017-07-10,ratification,", with: "BEN,Benin,2008-12-03,,,"
        )
        .write(toFile: msp.path("before-benin.csv"), atomically: true, encoding: .utf8)
        let imported = try msp("treaty", "import", "before-benin.csv", "--convention", "CCM")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("0 added, 1 changed"))
        #expect(try counts(msp) == (101, 18))

        try msp.add7MSP()
        #expect(
            try msp("register", "--delegation", "Benin", "--received", "2017-08-01", "--head", "Ms. Aurélie Houngbédji")
                .status == 0)
        #expect(try rosterCategory(of: "Benin", msp) == "signatory_state")

        let recorded = try msp(
            "treaty", "record", "--convention", "CCM", "--state", "Benin", "--consent", "2017-07-10", "--kind",
            "ratification")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("recorded Benin ratification deposited on 2017-07-10"))
        #expect(try counts(msp) == (102, 17))
        #expect(try rosterCategory(of: "Benin", msp) == "state_party")
        let stats = try msp("stats", "--format", "json")
        #expect(stats.stdout.contains("\"states_parties_registered\" : 1"))
        #expect(stats.stdout.contains("\"states_parties_total\" : 102"))

        let again = try msp("treaty", "record", "--state", "BEN", "--consent", "2017-07-10", "--kind", "ratification")
        #expect(again.stdout.contains("already recorded, nothing changed"))
    }

    @Test func signatureAndWithdrawal() throws {
        let msp = try MSPRun()
        #expect(
            try msp("treaty", "record", "--state", "Kenya", "--consent", "2017-08-01", "--kind", "ratification").status
                == 0)
        #expect(try counts(msp) == (103, 16))
        #expect(try msp("treaty", "record", "--state", "Kenya", "--withdrawal", "2017-09-01").status == 0)
        #expect(try counts(msp) == (102, 16))
        #expect(try msp("treaty", "record", "--state", "Bhutan", "--signed", "2008-12-03").status == 0)
        #expect(try counts(msp).signatories == 17)
    }

    @Test func malformedCommandLinesAreRefusedBeforeAnythingIsOpened() throws {
        let msp = try MSPRun()
        // A command that records nothing new creates the database (a reading command does not).
        #expect(try msp("treaty", "record", "--state", "Uganda", "--signed", "2008-12-03").status == 0)
        let before = try msp.databaseContents()
        let cases: [[String]] = [
            ["--state", "Benin"],
            ["--state", "Benin", "--signed", "2008-12-03", "--withdrawal", "2020-01-01"],
            ["--state", "Benin", "--consent", "2017-07-10"],
            ["--state", "Benin", "--signed", "2008-12-03", "--kind", "ratification"],
            ["--state", "Benin", "--consent", "2017-07-10", "--kind", "signature"],
        ]
        for arguments in cases {
            let result = try msp.run(["treaty", "record"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(
                result.stderr.hasPrefix("msp: ") && result.stderr.contains("treaty record --help"), "\(result.stderr)")
        }
        #expect(try msp.databaseContents() == before)
    }

    @Test func wrongFactsAreRefusedAndChangeNothing() throws {
        let msp = try MSPRun()
        // A command that records nothing new creates the database (a reading command does not).
        #expect(try msp("treaty", "record", "--state", "Uganda", "--signed", "2008-12-03").status == 0)
        let before = try msp.databaseContents()
        let cases: [([String], String)] = [
            (["--state", "Narnia", "--signed", "2008-12-03"], "msp: --state: 'Narnia' is not a State"),
            (
                ["--state", "Benin", "--signed", "2018-01-01"],
                "msp: --signed: the signature (2018-01-01) would come after"
            ),
            (
                ["--state", "Uganda", "--withdrawal", "2020-01-01"],
                "msp: --withdrawal: a withdrawal (2020-01-01) of a State that never"
            ),
            (["--state", "Benin", "--signed", "2008-02-30"], "msp: --signed: "),
            (
                ["--convention", "ATT", "--state", "Benin", "--signed", "2013-06-03"],
                "msp: --convention: no membership records for convention 'ATT'"
            ),
        ]
        for (arguments, message) in cases {
            let result = try msp.run(["treaty", "record"] + arguments)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        }
        #expect(try msp.databaseContents() == before)
    }

    @Test func importIsOneTransactionAndNamesTheFileAndLine() throws {
        let msp = try MSPRun()
        // A command that records nothing new creates the database (a reading command does not).
        #expect(try msp("treaty", "record", "--state", "Uganda", "--signed", "2008-12-03").status == 0)
        let header = "iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date\n"
        try (header + "UGA,Uganda,2008-12-03,2019-01-01,ratification,\nKEN,Kenya,2008-12-03,2019-01-01,ratifcation,\n")
            .write(toFile: msp.path("bad.csv"), atomically: true, encoding: .utf8)
        try "state,date\nUganda,2019\n".write(toFile: msp.path("other.csv"), atomically: true, encoding: .utf8)
        let before = try msp.databaseContents()

        let bad = try msp("treaty", "import", "bad.csv")
        #expect(bad.status == 65)
        #expect(
            bad.stderr.hasPrefix("msp: bad.csv:3: consent_kind: 'ratifcation' is not a kind of consent"),
            "\(bad.stderr)")
        let other = try msp("treaty", "import", "other.csv")
        #expect(other.status == 65)
        #expect(other.stderr.hasPrefix("msp: other.csv:1: the header is not"), "\(other.stderr)")
        let missing = try msp("treaty", "import", "nowhere.csv")
        #expect(missing.status == 66)
        #expect(missing.stderr == "msp: nowhere.csv: no such file\n")
        #expect(try msp("treaty", "import").status == 64)
        #expect(try msp.databaseContents() == before)
        #expect(try counts(msp) == (102, 17), "Uganda's good line 2 was not written either")

        // Another convention's table, loaded beside the CCM's (saved by a spreadsheet: a byte-order mark, CRLF).
        try
            ("\u{FEFF}" + header.replacingOccurrences(of: "\n", with: "\r\n")
            + "BEN,Benin,2013-06-03,2014-05-01,ratification,\r\nURY,Uruguay,,2015-02-02,accession,\r\n")
            .write(toFile: msp.path("att.csv"), atomically: true, encoding: .utf8)
        let att = try msp("treaty", "import", "att.csv", "--convention", "att")
        #expect(att.status == 0, "\(att.stderr)")
        #expect(att.stdout.contains("ATT: 2 records read from att.csv: 2 added, 0 changed, 0 unchanged"))
        let status = try msp("treaty", "status", "--convention", "ATT", "--on", "2016-01-01", "--format", "json")
        #expect(status.stdout.contains("\"states_parties\" : 2"))
        #expect(try counts(msp) == (102, 17))
    }
}
