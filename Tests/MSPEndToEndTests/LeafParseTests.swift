import ArgumentParser
import Testing

@testable import MSPCommands

/// `msp` parses a leaf command's line with that command's type alone (`MSP.parseLeaf`), and falls back to the
/// whole tree's parse on any error: the shortcut must give what the whole tree's parse gives, and step aside for
/// every line the tree refuses or answers itself.
@Suite struct LeafParseTests {
    /// Lines the tree parses, of top-level and nested leaves.
    static let parsed: [[String]] = [
        ["register", "--file", "note.json", "--database", "x.sqlite"],
        ["register", "--delegation", "Kenya", "--received", "2017-08-16", "--head", "Ms. A. Mwangi"],
        ErrorTests.meetingAdd(),
        ["list-late", "--format", "json"],
        ["stats"],
        ["document", "show", "--format", "json"],
    ]

    @Test func aLeafThatParsesTakesTheShortcutWithTheSameValues() throws {
        for line in Self.parsed {
            let whole = try MSP.parseAsRoot(line)
            let leaf = try #require(MSP.parseLeaf(line), "\(line)")
            #expect(String(reflecting: leaf) == String(reflecting: whole), "\(line)")
        }
    }

    /// Every line of the error corpus and of the bad-input corpus: where the tree's parse refuses a line the
    /// shortcut steps aside (so the tree reports it), and where it parses the shortcut gives the same values.
    @Test func everyCorpusLineGivesWhatTheTreeGives() throws {
        let badInputs = try BadInputTests.cases().map { try BadInputTests.words($0.command) }
        for line in ErrorTests.cases.map(\.arguments) + badInputs {
            let leaf = MSP.parseLeaf(line)
            do {
                let whole = try MSP.parseAsRoot(line)
                if let leaf { #expect(String(reflecting: leaf) == String(reflecting: whole), "\(line)") }
            } catch {
                #expect(leaf == nil, "\(line)")
            }
        }
    }

    @Test(arguments: [
        ["register", "--help"], ["register", "-h"], ["help", "register"], ["register", "--version"],
        ["register", "--generate-completion-script", "bash"], ["register", "--experimental-dump-help"],
        ["document"], ["--version"], [],
    ])
    func whatTheTreeAnswersItselfTakesTheWholeTree(line: [String]) {
        #expect(MSP.parseLeaf(line) == nil)
    }
}
