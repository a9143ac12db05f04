import Foundation
import Testing

/// Text as it reaches msp (issue 11): bytes that are not UTF-8 on the command line are refused before anything is
/// parsed; right-to-left names, which need no bidirectional control, pass every input path untouched.
@Suite struct TextInputTests {
    /// Runs `$MSP` with arguments written as `printf` formats, so that each may hold any byte (a String cannot).
    static func runWithRawBytes(_ msp: MSPRun, _ formats: [String]) throws -> MSPRun.Result {
        let arguments = formats.map { "\"$(printf -- '\($0)')\"" }.joined(separator: " ")
        return try ReliabilityTests.shell(msp, "exec \"$MSP\" \(arguments)")
    }

    @Test(arguments: [
        // An option's value: a Latin-1 ÿ.
        (
            ["register", "--delegation", #"Ug\377anda"#, "--head", "Mr. A. B"], "argument 3 (after --delegation)",
            #"Ug\xFFanda"#
        ),
        // An option and its value in one argument: a lead byte without its continuation.
        (["register", #"--delegation=Ug\303anda"#, "--head", "Mr. A. B"], "argument 2", #"--delegation=Ug\xC3anda"#),
        // A participant: an overlong encoding of '/'.
        (
            ["register", "--delegation", "Uganda", "--head", #"Mr. A.\300\257B"#], "argument 5 (after --head)",
            #"Mr. A.\xC0\xAFB"#
        ),
        // A UTF-16 surrogate encoded as UTF-8 (CESU), in a choice.
        (
            ["meeting", "set", "7MSP", "--undecided-late-notes", #"hold\355\240\200"#],
            "argument 5 (after --undecided-late-notes)", #"hold\xED\xA0\x80"#
        ),
        // The subcommand itself, cut in the middle of a character.
        ([#"regist\342\200"#], "argument 1", #"regist\xE2\x80"#),
    ])
    func invalidUTF8OnTheCommandLineIsRefusedNamingItsPositionAndBytes(
        formats: [String], position: String, shown: String
    ) throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let before = msp.snapshot()
        let result = try Self.runWithRawBytes(msp, formats)
        expectFailure(result, status: 64, mentioning: "\(position) is not valid UTF-8: '\(shown)'")
        #expect(msp.snapshot() == before)
    }

    @Test func invalidUTF8IsRefusedBeforeAFirstCommandCreatesTheDatabase() throws {
        let msp = try MSPRun()
        let result = try Self.runWithRawBytes(
            msp,
            [
                "meeting", "add", "7MSP", "--title", #"S\351ptima"#, "--convention", "CCM", "--opens", "2017-09-04",
                "--closes", "2017-09-06", "--deadline", "2017-08-18", "--time-zone", "Europe/Zurich",
            ])
        expectFailure(result, status: 64, mentioning: #"argument 5 (after --title) is not valid UTF-8: 'S\xE9ptima'"#)
        #expect(!msp.exists("msp.sqlite"))
    }

    /// Arabic and Hebrew, with no bidirectional control, through options, a JSON file and a CSV import, in a new
    /// organization's name, a participant's name and function, and a meeting's venue: recorded and given back as
    /// typed.
    @Test func rightToLeftNamesWithoutControlsPassEveryInputPath() throws {
        let msp = try MSPRun()
        let venue = "قصر الأمم، القاعة التاسعة عشرة، جنيف"
        expectSuccess(
            try msp(
                "meeting", "add", "7MSP", "--title", "الاجتماع السابع للدول الأطراف", "--convention", "CCM",
                "--opens", "2017-09-04", "--closes", "2017-09-06", "--deadline", "2017-08-18",
                "--time-zone", "Europe/Zurich", "--venue", venue))
        let crescent = "جمعية الهلال الأحمر الفلسطيني"
        expectSuccess(
            try msp(
                "register", "--delegation", crescent, "--category", "civil_society", "--received", "2017-08-10",
                "--head", "السيد أحمد العلي; رئيس الوفد", "--adviser", "מר דוד כהן; יועץ"))
        let json =
            #"{"delegation": "Israel", "received_at": "2017-08-10", "participants": [{"role": "head", "name": "גב׳ רחל לוי", "function": "שגרירה"}]}"#
        try msp.write("israel.json", json)
        expectSuccess(try msp("register", "--file", "israel.json"))
        try msp.write(
            "jordan.csv",
            "delegation,category,reference,received_at,channel,role,title,name,function,gender,email\nJordan,,J 1,2017-08-10,email,head,,سمو الأمير مرعد,سفير,male,\n"
        )
        expectSuccess(try msp("import", "jordan.csv"))
        let roster = try #require(try msp("export-roster", "--format", "json").json() as? [String: Any])
        let text = String(decoding: try JSONSerialization.data(withJSONObject: roster), as: UTF8.self)
        for typed in [crescent, "أحمد العلي", "رئيس الوفد", "דוד כהן", "יועץ", "רחל לוי", "שגרירה", "سمو الأمير مرعد"] {
            #expect(text.contains(typed), "\(typed) not in \(text)")
        }
        let meetings = try #require(try msp("meeting", "list", "--format", "json").json() as? [[String: Any]])
        #expect(meetings.first?["venue"] as? String == venue)
    }
}
