import Foundation
import GRDB
import MSPDomain
import MSPStore

/// A scratch folder for database files, removed by `clean()`.
struct Scratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "msp-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String = "msp.sqlite") -> String { folder.appending(path: name).path }

    func bytes(_ name: String = "msp.sqlite") -> Data? { FileManager.default.contents(atPath: path(name)) }

    func clean() { try? FileManager.default.removeItem(at: folder) }
}

enum Sample {
    static let zurich = try! VenueTimeZone(identifier: "Europe/Zurich")

    /// The 7MSP as the newsletters describe it, or another meeting of the convention.
    static func meeting(
        code: String = "7MSP", opens: String = "2017-09-04", closes: String = "2017-09-06",
        deadline: String = "2017-08-18"
    ) throws -> Meeting {
        try Meeting(
            code: code, title: "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
            convention: "CCM", venue: "Palais des Nations, Room XIX, Geneva",
            opens: LocalDate.parse(opens), closes: LocalDate.parse(closes), timeZone: zurich,
            deadline: WhenParser.deadline(deadline, in: zurich))
    }

    static func change() -> ChangeInfo {
        ChangeInfo(at: Instant(secondsSinceEpoch: 1_500_000_000), osUser: "test", command: "test")
    }

    static func participants(_ names: [(String, String)]) -> [Submission.ParticipantEntry] {
        names.map { Submission.ParticipantEntry(role: $0.0, name: $0.1) }
    }
}

extension Store {
    /// A store with the 7MSP added.
    static func with7MSP() throws -> (Store, StoredMeeting) {
        let store = try Store.inMemory()
        return (store, try store.addMeeting(Sample.meeting(), change: Sample.change()))
    }

    /// Checks a submission against the store's reference data, as `msp register` does.
    /// A checked note; one that lists nobody gets a head, since a registration names at least its head.
    func draft(_ submission: Submission, for stored: StoredMeeting) throws -> NoteDraft {
        var submission = submission
        if submission.participants.isEmpty { submission.participants = [.init(role: "head", name: "Mr. Test Head")] }
        return try NoteDraft.check(
            submission, meeting: stored.meeting, resolver: resolver(),
            membership: membership(convention: stored.meeting.convention),
            now: Instant(secondsSinceEpoch: 1_500_000_000))
    }

    @discardableResult
    func register(_ submission: Submission, for stored: StoredMeeting, dryRun: Bool = false) throws -> RecordedNote {
        try record(
            [draft(submission, for: stored)], meeting: stored, change: Sample.change(), summary: "test",
            dryRun: dryRun)[0]
    }

    func count(_ table: String) throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    /// Row counts of every table that a registration writes.
    func counts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["meeting", "change", "organization", "organization_key", "delegation", "note", "participant"] {
            counts[table] = try count(table)
        }
        return counts
    }
}
