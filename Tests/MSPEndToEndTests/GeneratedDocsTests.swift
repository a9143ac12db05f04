import Foundation
import Testing

/// `msp --version`, shell completions and the help the man page is generated from.
@Suite struct GeneratedDocsTests {
    @Test func versionPrintsTheVersion() throws {
        let msp = try MSPRun()
        let result = try msp("--version")
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
        #expect(!FileManager.default.fileExists(atPath: msp.database), "--version touches no database")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsKnowEveryCommand(shell: String) throws {
        let msp = try MSPRun()
        let result = try msp("--generate-completion-script", shell)
        #expect(result.status == 0, "\(result.stderr)")
        for word in ["register", "export-roster", "stats", "credentials", "treaty", "note_verbale", "delegation"] {
            #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    @Test func theHelpTheManPageIsBuiltFromDescribesTheNewCommands() throws {
        let msp = try MSPRun()
        let dump = try msp("--experimental-dump-help")
        #expect(dump.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(object["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(
            Set(["meeting", "register", "list-late", "export-roster", "treaty", "demo", "stats", "credentials"])
                .isSubset(of: Set(names)))
        let help = try msp("credentials", "record", "--help")
        #expect(help.stdout.contains("Head of State or Government"))
    }
}
