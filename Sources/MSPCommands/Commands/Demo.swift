import ArgumentParser
import Foundation
import MSPDomain
import MSPStore

extension MSP {
    /// `msp demo`: the newcomer's first command.
    public struct Demo: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "demo", 
            abstract: "Load the 7MSP (Geneva, 4–6 September 2017) from the bundled fixtures and show its late notes and list of participants.",
            discussion: "Example: msp demo --database demo.sqlite")

        @OptionGroup public var database: DatabaseOptions

        public init() {}

        public func run() throws {
            let fixture = try DemoFixture.load()
            let (stored, loaded, late, roster) = try database.withStore { store in
                var loaded = 0
                let stored: StoredMeeting
                if let existing = try? store.meeting(code: fixture.meeting.code) {
                    stored = existing
                } else {
                    stored = try store.addMeeting(fixture.meeting, change: ChangeInfo(command: "demo"))
                    let resolver = try store.resolver()
                    let membership = try store.membership(convention: fixture.meeting.convention)
                    let drafts = try fixture.submissions.enumerated().map { index, submission in
                        do {
                            return try NoteDraft.check(submission, meeting: fixture.meeting, resolver: resolver,
                                                       membership: membership, now: .now(), fields: .json)
                        } catch let error as InputError {
                            throw CommandFailure(.software, "the bundled demo fixture, submission \(index + 1): \(error)")
                        }
                    }
                    loaded = try store.record(drafts, meeting: stored, change: ChangeInfo(command: "demo"),
                                              summary: "loaded the 7MSP demo").count
                }
                return (stored, loaded, try store.lateNotes(stored), try store.roster(stored))
            }
            let zone = stored.meeting.timeZone
            var out = loaded > 0
                ? "Loaded \(stored.meeting.code) with \(loaded) notes into \(database.path).\n\n"
                : "\(stored.meeting.code) is already in \(database.path); showing it.\n\n"
            out += "Late notes (deadline \(MeetingText.deadline(stored.meeting))): \(late.count)\n"
            out += late.isEmpty ? "(none)\n" : TextTable.render(
                header: ["received_at", "late_by", "delegation", "kind", "reference"],
                rows: late.map { [zone.format($0.received), Deadline.describe(seconds: $0.lateBy), $0.delegation, $0.kind.rawValue, $0.reference ?? ""] })
            out += "\n" + RosterReport.table(roster, meeting: stored.meeting)
            out += "\nNext: msp export-roster --format html --output roster.html\n"
            print(out, terminator: "")
        }
    }
}

/// The demo meeting and its notes, from `fixtures/demo/7msp.json` (embedded).
struct DemoFixture {
    var meeting: Meeting
    var submissions: [Submission]

    static func load() throws -> DemoFixture {
        guard let text = ReferenceData.files(under: "fixtures/demo").first(where: { $0.path.hasSuffix("7msp.json") })?.text,
              let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let m = object["meeting"] as? [String: String],
              let submissionsObject = object["submissions"] else {
            throw CommandFailure(.software, "the bundled demo fixture is missing or malformed")
        }
        let zone = try VenueTimeZone(identifier: m["time_zone"] ?? "")
        let meeting = try Meeting(code: m["code"] ?? "", title: m["title"] ?? "", convention: m["convention"] ?? "",
                                  venue: m["venue"], opens: LocalDate.parse(m["opens"] ?? ""), closes: LocalDate.parse(m["closes"] ?? ""),
                                  timeZone: zone, deadline: WhenParser.deadline(m["deadline"] ?? "", in: zone))
        let submissions = try SubmissionJSON.decodeArray(JSONSerialization.data(withJSONObject: submissionsObject))
        return DemoFixture(meeting: meeting, submissions: submissions)
    }
}
