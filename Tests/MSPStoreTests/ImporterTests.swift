import Foundation
import GRDB
import Testing
import MSPDomain
@testable import MSPStore

/// `Store.importSubmissions`: all or nothing, every problem reported.
@Suite struct ImporterTests {
    struct ListSource: SubmissionSource {
        var items: [SourceItem]
        var rowsRead = 0
        var bytesRead = 0
        mutating func next() throws -> SourceItem? {
            guard rowsRead < items.count else { return nil }
            defer { rowsRead += 1 }
            return items[rowsRead]
        }
    }

    static func meeting(_ store: Store) throws -> StoredMeeting {
        let zone = try VenueTimeZone(identifier: "Europe/Zurich")
        let meeting = try Meeting(code: "7MSP", title: "Seventh Meeting of States Parties", convention: "CCM", venue: nil,
                                  opens: LocalDate(iso: "2017-09-04")!, closes: LocalDate(iso: "2017-09-06")!, timeZone: zone,
                                  deadline: WhenParser.deadline("2017-08-18", in: zone))
        return try store.addMeeting(meeting, change: ChangeInfo(command: "test"))
    }

    static func note(_ delegation: String, _ reference: String, received: String, category: String? = nil,
                     heads: [String] = ["Head Person"], line: Int) -> SourceItem {
        let submission = Submission(delegation: delegation, category: category, reference: reference, receivedAt: received,
                                    participants: heads.map { .init(role: "head", name: $0) })
        return .submission(SourcedSubmission(submission: submission, line: line,
                                             participantLines: heads.indices.map { line + $0 }, isCSV: true))
    }

    static func count(_ store: Store, _ table: String) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)")! }
    }

    @Test func aCleanImportIsCommittedWithItsSummary() throws {
        let store = try Store.inMemory()
        let stored = try Self.meeting(store)
        var source = ListSource(items: [
            Self.note("Uganda", "N1", received: "2017-08-15", line: 2),
            Self.note("Some New NGO", "L1", received: "2017-08-20", category: "civil_society", line: 3),
            // The same organization again, without a category: found because the import learnt it.
            Self.note("some new ngo", "L2", received: "2017-08-21", line: 4),
        ])
        let report = try store.importSubmissions(&source, meeting: stored, change: ChangeInfo(command: "test"),
                                                 summary: "test", dryRun: false)
        #expect(report.committed)
        #expect(report.notes == 3 && report.registrations == 2 && report.amendments == 1)
        #expect(report.lateNotes == 2 && report.delegations.count == 2 && report.newOrganizations == 1)
        #expect(try Self.count(store, "note") == 3)
        #expect(try store.lateNotes(stored).map(\.kind) == [.registration, .amendment])
    }

    @Test func anyProblemRollsEverythingBackAndEveryProblemIsReported() throws {
        let store = try Store.inMemory()
        let stored = try Self.meeting(store)
        var source = ListSource(items: [
            Self.note("Uganda", "N1", received: "2017-08-15", line: 2),
            Self.note("Narnia", "N2", received: "2017-08-15", line: 3),
            Self.note("Kenya", "N3", received: "2017-08-32", line: 4),
            Self.note("Kenya", "N4", received: "2017-08-15", heads: ["A", "B"], line: 5),
            Self.note("Uganda", "N1", received: "2017-08-16", line: 7),
            .problem(ImportProblem(line: 8, message: "a broken row")),
        ])
        let report = try store.importSubmissions(&source, meeting: stored, change: ChangeInfo(command: "test"),
                                                 summary: "test", dryRun: false)
        #expect(!report.committed)
        #expect(report.problemCount == 5)
        #expect(report.problems.map(\.line) == [3, 4, 5, 7, 8])
        #expect(report.problems[0].column == "delegation")
        #expect(report.problems[3].message.contains("already recorded"))
        #expect(try Self.count(store, "note") == 0)
        #expect(try Self.count(store, "change") == 1) // only the meeting's
    }

    @Test func onlyTheFirstFiftyProblemsAreKeptButAllAreCounted() throws {
        let store = try Store.inMemory()
        let stored = try Self.meeting(store)
        var source = ListSource(items: (0..<70).map { Self.note("Nowhere \($0)", "R\($0)", received: "2017-08-15", line: $0 + 2) })
        let report = try store.importSubmissions(&source, meeting: stored, change: ChangeInfo(command: "test"),
                                                 summary: "test", dryRun: false)
        #expect(report.problems.count == ImportReport.problemLimit)
        #expect(report.problemCount == 70)
    }

    @Test func aDryRunWritesNothing() throws {
        let store = try Store.inMemory()
        let stored = try Self.meeting(store)
        var source = ListSource(items: [Self.note("Uganda", "N1", received: "2017-08-15", line: 2)])
        let report = try store.importSubmissions(&source, meeting: stored, change: ChangeInfo(command: "test"),
                                                 summary: "test", dryRun: true)
        #expect(report.notes == 1 && !report.committed)
        #expect(try Self.count(store, "note") == 0)
    }
}

/// `Store.resolver(for:)`: one name's resolver, without loading every organization.
@Suite struct NarrowResolverTests {
    @Test func aTypedNameFindsTheSameAsTheFullResolverAndUnknownNamesStillGetSuggestions() throws {
        let store = try Store.inMemory()
        let full = try store.resolver()
        let opens = LocalDate(iso: "2017-09-04")!
        let membership = try store.membership(convention: "CCM")
        func category(_ state: State) -> MSPDomain.Category { membership.category(of: state.iso3, on: opens) }
        for typed in ["Uganda", "ICRC", "Norwegian People's Aid (NPA)", "geneva international centre for humanitarian demining"] {
            let narrow = try store.resolver(for: typed)
            #expect(try narrow.resolve(typed, category: nil, stateCategory: category).represented
                    == full.resolve(typed, category: nil, stateCategory: category).represented)
        }
        let unknown = try store.resolver(for: "Internationl Committee of the Red Cross")
        #expect(unknown.suggestions(for: "Internationl Committee of the Red Cross").contains("International Committee of the Red Cross"))
    }
}
