import Foundation
import Testing

/// One way of saying each thing, and a command line that says what is wrong in the order a person fixes it.
@Suite struct ConsistencyTests {
    @Test func meetingShowNeedsNoCodeWhenTheDatabaseHoldsOneMeeting() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let shown = try msp("meeting", "show")
        expectSuccess(shown)
        #expect(shown.stdout.hasPrefix("7MSP"))
    }

    @Test func aMissingMeetingNamesTheDatabaseItLookedIn() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectFailure(
            try msp("list-late", "--meeting", "9MSP"), status: 65,
            mentioning: "--meeting: no meeting '9MSP': the database holds 7MSP (database: \(msp.database))")
    }

    @Test func treatyStatusCreatesNoDatabaseFile() throws {
        let msp = try MSPRun()
        let status = try msp("treaty", "status", "--on", "2017-09-04")
        expectSuccess(status)
        #expect(status.stdout.contains("102 States Parties"))
        #expect(!FileManager.default.fileExists(atPath: msp.database))
    }

    @Test func anUnknownSubcommandGetsTheNearestNameAndHelpForItFails() throws {
        let msp = try MSPRun()
        expectFailure(
            try msp("regster"), status: 64, mentioning: "'regster' is not a command of msp (did you mean register?)")
        expectFailure(try msp("help", "regster"), status: 64, mentioning: "did you mean register?")
        expectFailure(
            try msp("meeting", "shw"), status: 64, mentioning: "not a command of msp meeting (did you mean show?)")
        expectSuccess(try msp("help", "register"))
        #expect(!FileManager.default.fileExists(atPath: msp.database))
    }

    @Test func aMistypedOptionIsReportedBeforeAMissingRequiredOne() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectFailure(
            try msp("history", "--delegaton", "Uganda"), status: 64,
            mentioning: "unknown option '--delegaton' (did you mean --delegation?)")
    }

    /// `msp --help` lists every exit status msp uses, as docs/commands.md's table does, 69 included.
    @Test func theHelpListsEveryDocumentedExitStatus() throws {
        let msp = try MSPRun()
        let help = try msp("--help").stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let docs = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
                path: "../../docs/commands.md"), encoding: .utf8)
        let table = try #require(docs.range(of: "## Exit status"))
        let statuses = docs[table.upperBound...].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| "), let status = line.dropFirst(2).split(separator: " ").first,
                Int(status) != nil
            else { return nil }
            return String(status)
        }
        #expect(statuses == ["0", "64", "65", "66", "69", "70", "73", "74", "75"])
        for status in statuses { #expect(help.contains(" \(status) "), "\(status): \(help)") }
        #expect(help.contains("69 a part the command needs is not installed (Pango and Cairo, for --format pdf)"))
    }

    /// Every `--output` says what it wrote, on standard error, in the same words; standard output stays empty.
    @Test func everyOutputFileIsConfirmedInOneWording() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        let commands: [[String]] = [
            ["export-roster", "--format", "html"], ["stats", "--format", "html"], ["stats"],
            ["credentials", "report", "--format", "html"], ["absent-states", "--format", "csv"],
            ["list-late", "--format", "xlsx"], ["find-person", "doe"], ["delegations", "--format", "json"],
        ]
        for (index, command) in commands.enumerated() {
            let name = "out \(index).file"
            let result = try msp.run(command + ["--output", name])
            expectSuccess(result)
            let size = try #require(FileManager.default.contents(atPath: msp.path(name))?.count)
            let format = command.firstIndex(of: "--format").map { command[$0 + 1] } ?? "table"
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
            #expect(
                result.stderr.split(separator: "\n").contains("Wrote \(size) bytes of \(format) to \(name)."),
                "\(command): \(result.stderr)")
        }
        // To standard output, nothing is said.
        #expect(try msp("stats", "--output", "-").stderr.isEmpty)
    }

    @Test func eachCommandsHelpOffersOnlyTheFormatsItTakes() throws {
        let msp = try MSPRun()
        let expected: [[String]: String] = [
            ["stats"]: "values: table, json, html, xlsx;",
            ["delegations"]: "values: table, csv, json, ndjson, xlsx;",
            ["credentials", "report"]: "values: table, json, html, pdf, xlsx;",
            ["find-person"]: "values: table, csv, json, ndjson, xlsx;",
            ["history"]: "values: table, csv, json, ndjson, xlsx;", ["meeting", "show"]: "values: table, json;",
        ]
        for (command, values) in expected {
            let help = try msp.run(command + ["--help"])
            #expect(help.stdout.contains(values), "\(command): \(help.stdout)")
        }
    }

    @Test func oneWordForEachThing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(
            try msp(
                "credentials", "record", "--received", "2017-09-04T09:30", "--delegation", "Germany", "--kind",
                "note_verbale"))
        // The word of earlier versions is still read.
        expectSuccess(
            try msp(
                "credentials", "record", "--received", "2017-09-04T09:30", "--delegation", "Germany", "--kind",
                "note-verbale"))
        let history = try msp("history", "--delegation", "Germany")
        #expect(history.stdout.contains("credentials: note_verbale") && !history.stdout.contains("note-verbale"))
        let stats = try msp("stats")
        #expect(stats.stdout.contains("unspecified") && !stats.stdout.contains("not stated"))
        #expect(!stats.stdout.contains("not recorded"))
        let roster = try msp("export-roster")
        #expect(roster.stdout.contains("(Head of delegation)") && !roster.stdout.contains("(head of delegation)"))
    }

    @Test func theDemosNextLineCarriesItsDatabase() throws {
        let msp = try MSPRun()
        let path = msp.path("my demo.sqlite")
        let demo = try msp("demo", "--database", path)
        expectSuccess(demo)
        #expect(demo.stdout.contains("Next: msp export-roster --database '\(path)' --format html"), "\(demo.stdout)")
    }
}
