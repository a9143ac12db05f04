import Foundation
import GRDB
import MSPCommands
import Testing

/// A command that must fail: its arguments, the files it reads, its exit status and a word of its message.
struct FailingCommand: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: Int32
    var mention: String
    var files: [String: String] = [:]
    var stdin: String? = nil

    var testDescription: String { "msp " + arguments.joined(separator: " ") }
}

/// Every error of the issue: the documented status, one line on standard error, and the database unchanged.
@Suite struct ErrorTests {
    static let twoHeads = """
        {"delegation": "Uganda", "reference": "Note 46/2017", "received_at": "2017-08-16",
         "participants": [{"role": "head", "name": "H.E. Mr. John Doe"}, {"role": "head", "name": "Ms. Jane Roe"}]}
        """

    static func meetingAdd(
        _ code: String = "8MSP", opens: String = "2018-09-03", closes: String = "2018-09-05",
        deadline: String = "2018-08-17", zone: String = "Europe/Zurich"
    ) -> [String] {
        [
            "meeting", "add", code, "--title", "Eighth Meeting of States Parties", "--convention", "CCM", "--opens",
            opens,
            "--closes", closes, "--deadline", deadline, "--time-zone", zone,
        ]
    }

    static let cases: [FailingCommand] = [
        // A malformed command line: 64.
        .init(arguments: ["register", "--delegation", "Uganda", "--colour", "red"], status: 64, mention: "--colour"),
        .init(arguments: ["register", "--delegation"], status: 64, mention: "--delegation"),
        .init(
            arguments: ["register", "--file", "note.json", "--delegation", "Uganda"], status: 64,
            mention: "--file cannot be combined",
            files: ["note.json": twoHeads]),
        .init(arguments: ["register"], status: 64, mention: "--delegation"),
        .init(arguments: ["export-roster", "--format", "docx"], status: 64, mention: "docx"),
        .init(arguments: ["list-late", "--format", "xml"], status: 64, mention: "xml"),
        .init(arguments: ["meeting", "add", "8MSP", "--title", "Eighth"], status: 64, mention: "--convention"),
        .init(arguments: ["frobnicate"], status: 64, mention: "frobnicate"),
        // Well formed but wrong: 65.
        .init(
            arguments: ["register", "--delegation", "Tanznia"], status: 65,
            mention: "did you mean 'United Republic of Tanzania'"),
        .init(
            arguments: ["register", "--file", "note.json"], status: 65, mention: "2 heads",
            files: ["note.json": twoHeads]),
        .init(arguments: ["register", "--file", "-"], status: 65, mention: "2 heads", stdin: twoHeads),
        .init(
            arguments: ["register", "--file", "note.json"], status: 65, mention: "note.json",
            files: ["note.json": #"{"delegation": "Uganda", "participants": {"role": "head"}}"#]),
        .init(
            arguments: ["register", "--file", "note.json"], status: 65, mention: "not valid JSON",
            files: ["note.json": #"{"delegation": "Uganda""#]),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--received", "18/08/2017"], status: 65,
            mention: "--received"),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--received", "2017-03-26T02:30"], status: 65,
            mention: "does not exist"),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--received", "2017-10-29T02:30"], status: 65,
            mention: "ambiguous"),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--meeting", "9MSP"], status: 65,
            mention: "no meeting '9MSP'"),
        .init(arguments: ["list-late", "--meeting", "9MSP"], status: 65, mention: "no meeting '9MSP'"),
        .init(arguments: ["export-roster", "--meeting", "9MSP"], status: 65, mention: "no meeting '9MSP'"),
        .init(arguments: ["meeting", "show", "9MSP"], status: 65, mention: "no meeting '9MSP'"),
        .init(
            arguments: ["register", "--delegation", "Geneva Call", "--category", "ngo"], status: 65,
            mention: "'ngo' is not a category"),
        .init(arguments: ["register", "--delegation", "Geneva Call"], status: 65, mention: "give its category"),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--category", "state_party"], status: 65,
            mention: "cannot be set"),
        .init(
            arguments: ["register", "--delegation", "ICRC", "--category", "civil_society"], status: 65,
            mention: "international_organization"),
        .init(
            arguments: [
                "register", "--head", "Mr. A. Head", "--delegation", "Uganda", "--reference", "Note 45/2017",
                "--received", "2017-08-15",
            ],
            status: 65,
            mention: "already recorded"),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--channel", "pigeon"], status: 65, mention: "--channel"),
        .init(
            arguments: ["register", "--delegation", "Uganda", "--alternate", "Ms. Jane Roe"], status: 65,
            mention: "no head"),
        .init(
            arguments: [
                "register", "--delegation", "Uganda", "--head", "Mr. A", "--adviser", "Ms. B", "--alternate", "  ",
            ],
            status: 65, mention: "name is empty"),
        .init(arguments: meetingAdd(opens: "2018-09-05", closes: "2018-09-03"), status: 65, mention: "closes"),
        .init(arguments: meetingAdd(deadline: "2018-09-06"), status: 65, mention: "after the meeting closes"),
        .init(arguments: meetingAdd(zone: "Europe/Geneva"), status: 65, mention: "Europe/Geneva"),
        .init(arguments: meetingAdd(deadline: "2018-08-32"), status: 65, mention: "--deadline"),
        .init(arguments: meetingAdd(deadline: "2018-08-17T24:00"), status: 65, mention: "24:00"),
        .init(arguments: meetingAdd(opens: "4 September 2018"), status: 65, mention: "--opens"),
        .init(arguments: meetingAdd("7msp"), status: 65, mention: "exists already"),
        .init(arguments: meetingAdd("8 MSP"), status: 65, mention: "meeting code"),
        .init(
            arguments: ["register", "--delegation", "Kenya", "--head", "Mr. A. One", "--head", "Ms. B. Two"],
            status: 65,
            mention: "2 heads"),
        .init(
            arguments: ["register", "--delegation", "Kenya", "--received", "", "--head", "Mr. A. One"], status: 65,
            mention: "--received: the receipt time is empty"),
        .init(
            arguments: ["withdraw", "--delegation", "Uganda", "--received", " "], status: 65,
            mention: "the receipt time is empty"),
        .init(
            arguments: [
                "withdraw", "--delegation", "Uganda", "--received", "2017-08-30", "--reference", "Note\u{1B}[2J 61",
            ],
            status: 65, mention: "--reference: the reference contains a control character (U+001B)"),
        .init(
            arguments: ["history", "--delegation", "Ugnada"], status: 65,
            mention: "'Ugnada' is neither a State nor a known organization (did you mean 'Canada', 'Uganda'"),
        .init(
            arguments: [
                "meeting", "add", "1RC", "--title", "First Review Conference of the Arms Trade Treaty", "--convention",
                "ATT",
                "--opens", "2018-08-27", "--closes", "2018-08-31", "--deadline", "2018-08-10", "--time-zone",
                "Europe/Zurich",
            ],
            status: 65, mention: "no membership records for convention 'ATT'"),
        .init(arguments: ["treaty", "status", "--on", "2017-13-01"], status: 65, mention: "--on"),
        .init(arguments: ["treaty", "status", "--convention", "APMBC"], status: 65, mention: "APMBC"),
        // A missing input file: 66.
        .init(
            arguments: ["register", "--file", "note.json", "--meeting", "7MSP"], status: 65,
            mention: "note.json:1: meeting: the note is for meeting 8MSP, not 7MSP",
            files: ["note.json": #"{"meeting": "8MSP", "delegation": "Uganda"}"#]),
        .init(
            arguments: ["register", "--file", "note.json"], status: 65, mention: "no meeting '8MSP'",
            files: ["note.json": #"{"meeting": "8MSP", "delegation": "Uganda"}"#]),
        .init(arguments: ["register", "--file", "missing.json"], status: 66, mention: "missing.json"),
        .init(
            arguments: ["list-late", "--database", "no/such/folder/msp.sqlite"], status: 66,
            mention: "cannot open or create the database no/such/folder/msp.sqlite: No such file or directory"),
    ]

    @Test(arguments: cases)
    func aFailedCommandSaysWhatIsWrongAndChangesNothing(command: FailingCommand) throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--delegation", "Uganda", "--received", "2017-08-15T10:30:00+02:00",
                "--reference", "Note 45/2017", "--head", "H.E. Mr. John Doe"))
        for (name, text) in command.files { try msp.write(name, text) }
        let before = msp.snapshot()
        #expect(!before.isEmpty)
        let result = try msp.run(command.arguments, stdin: command.stdin)
        expectFailure(result, status: command.status, mentioning: command.mention)
        #expect(msp.snapshot() == before, "the database changed")
    }

    @Test(arguments: [
        ["register", "--delegation", "Uganda"],
        ["list-late"],
        ["export-roster"],
        ["meeting", "show", "7MSP"],
        ["register", "--file", "missing.json"],
        [
            "meeting", "add", "7MSP", "--title", "T", "--convention", "CCM", "--opens", "2017-09-06", "--closes",
            "2017-09-04",
            "--deadline", "2017-08-18", "--time-zone", "Europe/Zurich",
        ],
    ])
    func aFailedFirstCommandLeavesNoDatabaseBehind(arguments: [String]) throws {
        let msp = try MSPRun()
        let result = try msp.run(arguments)
        #expect(result.status == 65 || result.status == 66, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("msp: "))
        let left = try FileManager.default.contentsOfDirectory(atPath: msp.folder.path)
        #expect(left.isEmpty, "\(left)")
    }

    @Test func aDatabaseWrittenByANewerMspIsRefusedUntouched() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let queue = try DatabaseQueue(path: msp.database)
        try queue.write {
            try $0.execute(sql: "INSERT INTO schema_migration (identifier, applied_at) VALUES ('9999_future', 0)")
        }
        try queue.close()
        let before = msp.snapshot()
        for arguments in [
            ["meeting", "list"], ["register", "--delegation", "Uganda"], ["demo", "--database", msp.database],
        ] {
            expectFailure(try msp.run(arguments), status: 65, mentioning: "newer msp")
            #expect(msp.snapshot() == before)
        }
        #expect(!msp.exists("msp.sqlite.schema-v1.bak"))
    }

    @Test func anOutputFileInAFolderThatDoesNotExistIsRefused() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let before = msp.snapshot()
        expectFailure(
            try msp("export-roster", "--output", "no/such/folder/roster.html", "--format", "html"), status: 73,
            mentioning: "does not exist")
        #expect(msp.snapshot() == before)
    }

    @Test func helpAndVersionSucceed() throws {
        let msp = try MSPRun()
        let help = try msp("register", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("--dry-run"))
        let version = try msp("--version")
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
        // `msp --version` is answered before swift-argument-parser builds the command tree: with what it would print.
        var parsed = ""
        do { _ = try MSP.parseAsRoot(["--version"]) } catch { parsed = MSP.fullMessage(for: error) }
        #expect(version.stdout == parsed + "\n")
        #expect(!msp.exists("msp.sqlite"))
    }
}
