import Foundation
import GRDB
import Testing

/// `msp focal-point add|list|reissue|revoke` with the built msp: the link printed once, only its hash in the
/// database, the list with no part of any token, and every change in `msp history`.
@Suite struct FocalPointCommandTests {
    /// The link a command printed: the line holding `/focal-point/`.
    static func link(_ result: MSPRun.Result) throws -> String {
        try #require(result.stdout.split(separator: "\n").first { $0.contains("/focal-point/") }.map(String.init))
    }

    static func token(_ link: String) -> String {
        String(link.split(separator: "/").last ?? "")
    }

    /// Every text and blob in the database file, as text: where a token must never be.
    static func everything(_ msp: MSPRun) throws -> String {
        let queue = try DatabaseQueue(path: msp.database)
        defer { try? queue.close() }
        return try queue.read { db in
            var text = ""
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for column in row.columnNames {
                        let value: DatabaseValue = row[column]
                        if let data = Data.fromDatabaseValue(value) {
                            text += String(decoding: data, as: UTF8.self) + "\n"
                        } else {
                            text += value.description + "\n"
                        }
                    }
                }
            }
            return text
        }
    }

    @Test func addPrintsTheLinkOnceAndKeepsOnlyItsHash() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let added = try msp(
            "focal-point", "add", "--delegation", "Uganda", "--email", "focal@mission.example", "--meeting", "7MSP",
            "--base-url", "https://msp.example.org/")
        expectSuccess(added)
        #expect(added.stdout.contains("Focal point of Uganda for 7MSP: focal@mission.example"), "\(added.stdout)")
        #expect(added.stdout.contains("cannot be shown again"))
        let link = try Self.link(added)
        #expect(
            try link.wholeMatch(of: /https:\/\/msp\.example\.org\/focal-point\/[A-Za-z0-9_-]{43}/) != nil, "\(link)")
        let token = Self.token(link)
        // The file has neither the token nor its first characters; nothing msp prints afterwards has them.
        let stored = try Self.everything(msp)
        #expect(!stored.contains(token.prefix(8)))
        #expect(stored.contains("focal@mission.example"))
        for format in ["table", "csv", "json", "ndjson"] {
            let list = try msp("focal-point", "list", "--format", format)
            expectSuccess(list)
            #expect(!list.stdout.contains(token.prefix(6)), "\(format)")
        }
        let history = try msp("history", "--delegation", "Uganda", "--format", "json")
        expectSuccess(history)
        #expect(!history.stdout.contains(token.prefix(6)))
        let file = try #require(FileManager.default.attributesOfItem(atPath: msp.database)[.posixPermissions] as? Int)
        #expect(file & 0o077 == 0)
    }

    @Test func theBaseComesFromTheOptionThenTheEnvironmentThenTheDefault() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let fromDefault = try msp.run(
            ["focal-point", "add", "--delegation", "Uganda", "--email", "a@mission.example"],
            unsetting: ["MSP_BASE_URL"])
        expectSuccess(fromDefault)
        #expect(try Self.link(fromDefault).hasPrefix("http://127.0.0.1:8080/focal-point/"))
        let fromEnvironment = try msp.run(
            ["focal-point", "add", "--delegation", "Kenya", "--email", "k@mission.example"],
            environment: ["MSP_BASE_URL": "https://portal.example.org/msp"])
        expectSuccess(fromEnvironment)
        #expect(try Self.link(fromEnvironment).hasPrefix("https://portal.example.org/msp/focal-point/"))
        let fromOption = try msp.run(
            ["focal-point", "reissue", "--delegation", "Kenya", "--base-url", "https://other.example.org"],
            environment: ["MSP_BASE_URL": "https://portal.example.org/msp"])
        expectSuccess(fromOption)
        #expect(try Self.link(fromOption).hasPrefix("https://other.example.org/focal-point/"))
        #expect(fromOption.stdout.contains("the old link no longer works"))
        // A bad base in the environment is named as such, and nothing is written.
        let before = msp.snapshot()
        let bad = try msp.run(
            ["focal-point", "add", "--delegation", "Norway", "--email", "n@mission.example"],
            environment: ["MSP_BASE_URL": "msp.example.org"])
        expectFailure(bad, status: 65, mentioning: "--base-url")
        #expect(bad.stderr.contains("MSP_BASE_URL"))
        #expect(msp.snapshot() == before)
    }

    @Test func listReissueRevokeAndHistory() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--delegation", "Uganda", "--received", "2017-08-15T10:30:00+02:00", "--reference",
                "Note 45/2017", "--head", "H.E. Mr. John Doe"))
        expectSuccess(try msp("focal-point", "add", "--delegation", "Uganda", "--email", "focal@mission.example"))
        expectSuccess(try msp("focal-point", "add", "--delegation", "ICRC", "--email", "fp@icrc.example"))
        expectSuccess(
            try msp(
                "focal-point", "reissue", "--delegation", "UG", "--email", "new.focal@mission.example", "--reason",
                "Focal point changed"))
        let revoked = try msp("focal-point", "revoke", "--delegation", "ICRC", "--reason", "Wrong address")
        expectSuccess(revoked)
        #expect(revoked.stdout.contains("it no longer works"), "\(revoked.stdout)")

        let list = try msp("focal-point", "list", "--format", "json")
        expectSuccess(list)
        let rows = try #require(try list.json() as? [[String: Any]])
        #expect(
            rows.map { $0["delegation"] as? String } == ["International Committee of the Red Cross", "Uganda"])
        #expect(rows.map { $0["status"] as? String } == ["revoked", "active"])
        #expect(rows.map { $0["email"] as? String } == ["fp@icrc.example", "new.focal@mission.example"])
        #expect(rows.first?["revoked_at"] is String && rows.last?["revoked_at"] is NSNull)
        #expect(
            Set(rows.first?.keys.map { $0 } ?? [])
                == ["delegation", "email", "status", "created_at", "created_by", "revoked_at"])
        let csv = try msp("focal-point", "list", "--format", "csv")
        #expect(
            csvRows(csv.stdout).first == ["delegation", "email", "status", "created_at", "created_by", "revoked_at"])

        let history = try msp("history", "--delegation", "Uganda", "--format", "json")
        expectSuccess(history)
        let entries = try #require(try history.json() as? [[String: Any]])
        #expect(
            entries.map { $0["kind"] as? String } == ["registration", "focal_point_issued", "focal_point_reissued"])
        #expect(entries.map { $0["email"] as? String } == [nil, "focal@mission.example", "new.focal@mission.example"])
        #expect(entries.last?["command"] as? String == "focal-point reissue")
        #expect(entries.last?["reason"] as? String == "Focal point changed")
        #expect(entries.last?["recorded_by"] as? String == DecisionCommandTests.user)
        // An organization that sent no note has a history: its focal point's links.
        let icrc = try msp("history", "--delegation", "ICRC")
        expectSuccess(icrc)
        #expect(icrc.stdout.contains("focal point's link issued: fp@icrc.example"), "\(icrc.stdout)")
        #expect(icrc.stdout.contains("focal point's link revoked: fp@icrc.example"))
        #expect(icrc.stdout.contains("Wrong address"))
    }

    @Test func refusalsNameTheirFieldAndChangeNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(try msp("focal-point", "add", "--delegation", "Uganda", "--email", "focal@mission.example"))
        let before = msp.snapshot()
        expectFailure(
            try msp("focal-point", "add", "--delegation", "Uganda", "--email", "second@mission.example"), status: 65,
            mentioning: "--delegation: Uganda has a focal point for 7MSP already")
        expectFailure(
            try msp("focal-point", "add", "--delegation", "Kenya", "--email", "kenya.mission.example"), status: 65,
            mentioning: "--email: 'kenya.mission.example' is not an e-mail address")
        expectFailure(
            try msp("focal-point", "add", "--delegation", "Ugnada", "--email", "a@b.example"), status: 65,
            mentioning: "did you mean")
        expectFailure(
            try msp("focal-point", "revoke", "--delegation", "Kenya"), status: 65,
            mentioning: "--delegation: Kenya has no focal point for 7MSP")
        expectFailure(
            try msp("focal-point", "add", "--delegation", "Kenya", "--email", "a@b.example", "--base-url", "ftp://x"),
            status: 65, mentioning: "--base-url")
        expectFailure(
            try msp("focal-point", "add", "--delegation", "Kenya"), status: 64, mentioning: "--email")
        #expect(msp.snapshot() == before)
    }
}
