import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp demo`: the newcomer's first command.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract:
                "Load the 7MSP (Geneva, 4–6 September 2017) from the bundled fixtures and show its late notes and list of participants.",
            discussion: """
                The demo has a database of its own: demo.sqlite in the working folder unless --database names \
                another. It never loads into the database your meetings are in (MSP_DATABASE, or ./msp.sqlite).

                Example: msp demo
                """)

        @Option(
            name: .long,
            help: ArgumentHelp("The database file to load the demo into (created on first use).", valueName: "path"))
        var database: String = Self.defaultDatabase

        /// Where the demo goes unless told otherwise: never the working database, so that the clerk's first meeting
        /// does not land beside the demo's.
        static let defaultDatabase = "demo.sqlite"

        init() {}

        func validate() throws {
            if database.isEmpty { throw ValidationError(DatabaseOptions.emptyPath) }
        }

        func run() throws {
            var database = DatabaseOptions()
            database.database = self.database
            let fixture = try DemoFixture.load()
            let (meeting, loaded, late, roster) = try database.withDesk { desk in
                var loaded = 0
                if (try? desk.meeting(code: fixture.meeting.code)) == nil {
                    try desk.addMeeting(fixture.meeting)
                    let report = try desk.importNotes(
                        from: SubmissionList(fixture.submissions), meeting: fixture.meeting.code,
                        origin: "loaded the 7MSP demo")
                    if let problem = report.problems.first {
                        throw CommandFailure(
                            .software, "the bundled demo fixture, submission \(problem.line ?? 0): \(problem)")
                    }
                    loaded = report.notes
                }
                let late = try desk.lateNotes(meeting: fixture.meeting.code).notes
                let (meeting, roster) = try desk.roster(meeting: fixture.meeting.code)
                return (meeting, loaded, late, roster)
            }
            let zone = meeting.timeZone
            var out =
                loaded > 0
                ? database.confirmation("Loaded \(meeting.code) with \(loaded) notes.") + "\n\n"
                : "\(meeting.code) is already in \(database.shownPath); showing it.\n\n"
            out += "Late notes (deadline \(MeetingText.deadline(meeting))): \(late.count)\n"
            out +=
                late.isEmpty
                ? "(none)\n"
                : TextTable.render(
                    header: ["received_at", "late_by", "delegation", "kind", "reference"],
                    rows: late.map {
                        [
                            zone.format($0.received), $0.lateness.description, $0.delegation,
                            $0.kind.rawValue, $0.reference ?? "",
                        ]
                    })
            out += "\n" + RosterReport.table(roster, meeting: meeting, masthead: .unset)
            out +=
                "\nNext: msp export-roster --database \(ShellWord.quoted(database.path)) --format html --output roster.html\n"
            print(out, terminator: "")
        }
    }
}

/// The demo meeting and its notes, from `fixtures/demo/7msp.json` (embedded).
struct DemoFixture {
    var meeting: MeetingRequest
    var submissions: [Submission]

    static func load() throws -> DemoFixture {
        guard
            let text = BundledData.files(under: "fixtures/demo").first(where: { $0.path.hasSuffix("7msp.json") })?
                .text,
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let m = object["meeting"] as? [String: String],
            let submissionsObject = object["submissions"]
        else {
            throw CommandFailure(.software, "the bundled demo fixture is missing or malformed")
        }
        let meeting = MeetingRequest(
            code: m["code"] ?? "", title: m["title"] ?? "", convention: m["convention"] ?? "",
            opens: m["opens"] ?? "", closes: m["closes"] ?? "", deadline: m["deadline"] ?? "",
            timeZone: m["time_zone"] ?? "", venue: m["venue"])
        let submissions = try SubmissionJSON.decodeArray(JSONSerialization.data(withJSONObject: submissionsObject))
        return DemoFixture(meeting: meeting, submissions: submissions)
    }
}

/// A word as a POSIX shell reads it back: as it is when it is plain, else in single quotes.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar) || "._/-+:,@%=".unicodeScalars.contains(scalar))
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
