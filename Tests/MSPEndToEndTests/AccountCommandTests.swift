import Foundation
import Testing

/// `msp user add | list | disable` with the built msp.
@Suite struct AccountCommandTests {
    @Test func addListAndDisableAccounts() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.write("pw.txt", "correct horse battery staple\n")
        let added = try msp("user", "add", "j.dupont", "--role", "secretariat", "--password-file", "pw.txt")
        expectSuccess(added)
        #expect(added.stdout == "Added the secretariat account j.dupont (in \(msp.database)).\n")
        let viewer = try msp.run(
            ["user", "add", "a.viewer", "--role", "viewer", "--password-file", "-"], stdin: "another long passphrase\n")
        expectSuccess(viewer)

        let before = msp.snapshot()
        expectFailure(
            try msp("user", "add", "J.DUPONT", "--role", "viewer", "--password-file", "pw.txt"), status: 65,
            mentioning: "NAME: an account named J.DUPONT exists already")
        #expect(msp.snapshot() == before)

        let rows = csvRows(try msp("user", "list", "--format", "csv").stdout)
        #expect(rows.first == ["name", "role", "status", "created_at", "disabled_at"])
        #expect(
            rows.dropFirst().map { [$0[0], $0[1], $0[2]] } == [
                ["a.viewer", "viewer", "active"], ["j.dupont", "secretariat", "active"],
            ])
        // Never the password, nor its hash.
        let json = try msp("user", "list", "--format", "json").stdout
        #expect(!json.contains("horse") && !json.contains("$2b$"))

        expectSuccess(try msp("user", "disable", "j.dupont"))
        let after = try #require(try msp("user", "list", "--format", "json").json() as? [[String: Any]])
        #expect(after.map { $0["status"] as? String } == ["active", "disabled"])
        #expect(after[1]["disabled_at"] as? String != nil)
    }
}
