import Foundation
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `RegistrationDesk.importNotes`: all or nothing, every problem reported.
@Suite struct ImportTests {
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

    static func desk() throws -> RegistrationDesk {
        let desk = try Desk.sevenMSP()
        return desk
    }

    static func note(
        _ delegation: String, _ reference: String, received: String, category: String? = nil,
        heads: [String] = ["Head Person"], line: Int
    ) -> SourceItem {
        let submission = Submission(
            delegation: delegation, category: category, reference: reference, receivedAt: received,
            participants: heads.map { .init(role: "head", name: $0) })
        return .submission(
            SourcedSubmission(
                submission: submission, line: line,
                participantLines: heads.indices.map { line + $0 }, isCSV: true))
    }

    static func notes(_ desk: RegistrationDesk) throws -> Int {
        try desk.statistics().statistics.notes
    }

    @Test func aCleanImportIsCommittedWithItsSummary() throws {
        let desk = try Self.desk()
        let source = ListSource(items: [
            Self.note("Uganda", "N1", received: "2017-08-15", line: 2),
            Self.note("Some New NGO", "L1", received: "2017-08-20", category: "civil_society", line: 3),
            // The same organization again, without a category: found because the import learnt it.
            Self.note("some new ngo", "L2", received: "2017-08-21", line: 4),
        ])
        let report = try desk.importNotes(from: source, origin: "test")
        #expect(report.committed)
        #expect(report.notes == 3 && report.registrations == 2 && report.amendments == 1)
        #expect(report.lateNotes == 2 && report.delegations.count == 2 && report.newOrganizations == 1)
        #expect(try Self.notes(desk) == 3)
        #expect(try desk.lateNotes().notes.map(\.kind) == [.registration, .amendment])
    }

    @Test func anyProblemRollsEverythingBackAndEveryProblemIsReported() throws {
        let desk = try Self.desk()
        let source = ListSource(items: [
            Self.note("Uganda", "N1", received: "2017-08-15", line: 2),
            Self.note("Narnia", "N2", received: "2017-08-15", line: 3),
            Self.note("Kenya", "N3", received: "2017-08-32", line: 4),
            Self.note("Kenya", "N4", received: "2017-08-15", heads: ["A", "B"], line: 5),
            Self.note("Uganda", "N1", received: "2017-08-16", line: 7),
            .problem(ImportProblem(line: 8, message: "a broken row")),
        ])
        let report = try desk.importNotes(from: source, origin: "test")
        #expect(!report.committed)
        #expect(report.problemCount == 5)
        #expect(report.problems.map(\.line) == [3, 4, 5, 7, 8])
        #expect(report.problems[0].column == "delegation")
        #expect(report.problems[3].message.contains("already recorded"))
        #expect(try Self.notes(desk) == 0)
    }

    @Test func onlyTheFirstFiftyProblemsAreKeptButAllAreCounted() throws {
        let desk = try Self.desk()
        let source = ListSource(
            items: (0..<70).map { Self.note("Nowhere \($0)", "R\($0)", received: "2017-08-15", line: $0 + 2) })
        let report = try desk.importNotes(from: source, origin: "test")
        #expect(report.problems.count == ImportReport.problemLimit)
        #expect(report.problemCount == 70)
    }

    @Test func aDryRunWritesNothing() throws {
        let desk = try Self.desk()
        let source = ListSource(items: [Self.note("Uganda", "N1", received: "2017-08-15", line: 2)])
        let report = try desk.importNotes(from: source, origin: "test", dryRun: true)
        #expect(report.notes == 1 && !report.committed)
        #expect(try Self.notes(desk) == 0)
    }

    @Test func aNoteForAnotherMeetingIsAProblemOnItsLine() throws {
        let desk = try Self.desk()
        try desk.addMeeting(Desk.eightMSPRequest)
        let other = Submission(
            meeting: "8MSP", delegation: "Kenya", reference: "K1", receivedAt: "2017-08-15",
            participants: [.init(role: "head", name: "Head Person")])
        let source = ListSource(items: [
            Self.note("Uganda", "N1", received: "2017-08-15", line: 2),
            .submission(SourcedSubmission(submission: other, line: 3, participantLines: [3], isCSV: true)),
        ])
        let report = try desk.importNotes(from: source, meeting: "7MSP", origin: "test")
        #expect(!report.committed)
        #expect(
            report.problems == [
                ImportProblem(line: 3, column: "meeting", message: "the note is for meeting 8MSP, not 7MSP")
            ])
        #expect(try desk.statistics(meeting: "7MSP").statistics.notes == 0)
        #expect(try desk.statistics(meeting: "8MSP").statistics.notes == 0)
    }

    @Test func aNewOrganizationLearntWithinTheImportIsFoundByItsAcronymAndKeepsItsCategory() throws {
        let desk = try Self.desk()
        let source = ListSource(items: [
            Self.note(
                "Mine Action Friends (MAF)", "L1", received: "2017-08-10", category: "international_organization",
                line: 2),
            Self.note("MAF", "L2", received: "2017-08-12", heads: ["Ms. Second"], line: 3),
        ])
        let report = try desk.importNotes(from: source, origin: "test")
        #expect(report.committed && report.newOrganizations == 1 && report.registrations == 1 && report.amendments == 1)
        #expect(report.delegations == ["Mine Action Friends"])
        let group = try desk.roster().roster.groups[Category.internationalOrganizations.order]
        #expect(group.delegations.map(\.name) == ["Mine Action Friends"])
        #expect(group.delegations.first?.participants.map(\.name) == ["Second"])
        // Known from now on, outside the import too.
        #expect(try desk.register(Desk.note("maf", "L3", received: "2017-08-14")).kind == .amendment)
    }

    @Test func aLearntOrganizationGivenAnotherCategoryIsAProblemAndNothingIsLearnt() throws {
        let desk = try Self.desk()
        let source = ListSource(items: [
            Self.note(
                "Mine Action Friends (MAF)", "L1", received: "2017-08-10", category: "international_organization",
                line: 2),
            Self.note("MAF", "L2", received: "2017-08-12", category: "civil_society", line: 3),
        ])
        let report = try desk.importNotes(from: source, origin: "test")
        #expect(
            !report.committed && report.problems.map(\.line) == [3] && report.problems.first?.column == "delegation")
        #expect(try Self.notes(desk) == 0)
        // Rolled back: the organization is unknown again and needs its category.
        expectRefusal(field: .delegation) { try desk.register(Desk.note("MAF", "L1", received: "2017-08-10")) }
    }

    @Test func anImportsNotesAreCheckedAsRegisterChecksThem() throws {
        let desk = try Self.desk()
        let source = ListSource(items: [
            Self.note("Benin", "B1", received: "2017-08-10", category: "observer_state", line: 2),
            Self.note("Norway", "N1", received: "2017-08-18T18:30:00-04:00", line: 3),
        ])
        let report = try desk.importNotes(from: source, origin: "test", dryRun: true)
        #expect(report.problems.map(\.line) == [2] && report.problems.first?.column == "delegation")
        #expect(report.notes == 1 && report.lateNotes == 1)
    }
}
