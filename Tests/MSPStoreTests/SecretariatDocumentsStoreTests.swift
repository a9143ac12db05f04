import Foundation
import GRDB
import Testing

@testable import MSPDomain
@testable import MSPStore

/// A 7MSP in a store, with helpers to register delegations.
struct SevenMSP {
    let store: Store
    let meeting: StoredMeeting
    let change = ChangeInfo(at: Instant(secondsSinceEpoch: 1_504_000_000), osUser: "test", command: "test")

    init(store: Store? = nil) throws {
        let store = try store ?? Store.inMemory()
        let zone = try VenueTimeZone(identifier: "Europe/Zurich")
        let meeting = try Meeting(
            code: "7MSP", title: "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
            convention: "CCM", venue: "Palais des Nations, Room XIX, Geneva",
            opens: LocalDate(iso: "2017-09-04")!, closes: LocalDate(iso: "2017-09-06")!,
            timeZone: zone, deadline: try WhenParser.deadline("2017-08-18", in: zone))
        self.store = store
        self.meeting = try store.addMeeting(meeting, change: change)
    }

    @discardableResult
    func register(
        _ delegation: String, category: String? = nil, received: String, channel: String? = "email",
        participants: [Submission.ParticipantEntry] = [.init(role: "head", name: "Mr. Test Head")],
        reference: String? = nil
    ) throws -> RecordedNote {
        let draft = try NoteDraft.check(
            Submission(
                delegation: delegation, category: category, reference: reference, receivedAt: received,
                channel: channel, participants: participants),
            meeting: meeting.meeting, resolver: store.resolver(),
            membership: store.membership(convention: "CCM"), now: .now())
        return try store.record([draft], meeting: meeting, change: change, summary: "test")[0]
    }

    func withdraw(_ delegation: String, received: String) throws {
        var draft = try NoteDraft.check(
            Submission(delegation: delegation, receivedAt: received, participants: [.init(role: "head", name: "X")]),
            meeting: meeting.meeting, resolver: store.resolver(), membership: store.membership(convention: "CCM"),
            now: .now())
        // A withdrawal lists nobody.
        draft.participants = []
        draft.isWithdrawal = true
        try store.transaction { db in
            var recorder = NoteRecorder(
                db: db, meeting: meeting, changeId: try change.insert(db, summary: "withdrawal"))
            _ = try recorder.record(draft)
        }
    }

    /// The registered delegation of a State or organization, by any of its names.
    func delegation(_ name: String) throws -> RegisteredDelegation {
        let represented = try #require(try store.resolver().find(name))
        return try #require(try store.delegation(represented, meeting: meeting))
    }

    func history(_ name: String) throws -> [HistoryEntry] {
        try store.history(of: delegation(name), meeting: meeting)
    }

    /// Records credentials of a registered State; returns its earlier records.
    @discardableResult
    func credentials(_ name: String, _ kind: CredentialKind, received: String) throws -> [CredentialEntry] {
        try store.recordCredential(
            kind, receipt: receipt(received), delegation: delegation(name), meeting: meeting, change: change)
    }

    func receipt(_ text: String) throws -> Receipt { try meeting.meeting.receipt(text) }

    func count(_ table: String) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)")! }
    }
}

@Suite struct StatisticsStoreTests {
    @Test func figuresOfTheRegisteredMeeting() throws {
        let msp = try SevenMSP()
        try msp.register(
            "Germany", received: "2017-07-20",
            participants: [
                .init(role: "head", name: "H.E. Mr. Michael Biontino", gender: "male"),
                .init(role: "alternate", name: "Ms. Katrin Vogel", gender: "female"),
            ])
        // An amendment: the newest composition counts, the first note is still a note.
        try msp.register(
            "Germany", received: "2017-08-01", channel: "post",
            participants: [
                .init(role: "head", name: "H.E. Mr. Michael Biontino", gender: "male")
            ])
        try msp.register(
            "Benin", received: "2017-08-20T09:00", channel: "hand",
            participants: [.init(role: "head", name: "Ms. A. H.", gender: "female")])
        try msp.register(
            "Uganda", received: "2017-08-10", channel: nil, participants: [.init(role: "head", name: "Mr. C. O.")])
        try msp.register(
            "Zambia", received: "2017-08-10", participants: [.init(role: "head", name: "Mr. Z.", gender: "male")])
        try msp.withdraw("Zambia", received: "2017-08-30")

        let stats = try msp.store.statistics(msp.meeting)
        #expect(stats.statesPartiesTotal == 102)
        #expect(stats.statesPartiesRegistered == 2, "Germany and Benin; Zambia withdrew, Uganda is a signatory")
        #expect(stats.participantsByCategory[.statesParties] == 2)
        #expect(stats.participantsByCategory[.signatoryStates] == 1)
        #expect(stats.delegationsByCategory[.statesParties] == 2)
        #expect(
            stats.participantsByGender[.male] == 1 && stats.participantsByGender[.female] == 1
                && stats.participantsByGender[nil] == 1)
        #expect(stats.notes == 6)
        #expect(stats.lateNotes == 1, "Benin's note of the 20th; Zambia's late withdrawal needs no decision")
        #expect(
            stats.notesByChannel[.email] == 2 && stats.notesByChannel[.post] == 1 && stats.notesByChannel[.hand] == 1)
        #expect(stats.notesByChannel[nil] == 2)
    }
}

@Suite struct CredentialsStoreTests {
    @Test func recordsKeepEveryRecordAndReportTheLatestPerState() throws {
        let msp = try SevenMSP()
        for state in ["Germany", "Benin", "Australia", "Zambia"] {
            try msp.register(
                state, received: "2017-08-01", participants: [.init(role: "head", name: "Mr. Head of \(state)")])
        }
        try msp.credentials("Germany", .copy, received: "2017-09-01")
        let beforeOriginal = try msp.credentials("DEU", .original, received: "2017-09-04T09:00")
        #expect(beforeOriginal.map(\.kind) == [.copy])
        // Received before the original: recorded, but the report counts the latest by receipt.
        let beforeNoteVerbale = try msp.credentials("germany", .noteVerbale, received: "2017-08-30")
        #expect(beforeNoteVerbale.map(\.kind) == [.copy, .original], "oldest first")
        try msp.credentials("Benin", .noteVerbale, received: "2017-09-04")
        try msp.credentials("Zambia", .copy, received: "2017-09-04")

        let report = try msp.store.credentialsReport(msp.meeting)
        #expect(report.original == ["Germany"])
        #expect(report.copy == ["Zambia"])
        #expect(report.noteVerbale == ["Benin"])
        #expect(report.missing == ["Australia"])
        #expect(try msp.count("credential") == 5, "every record stays")
    }

    @Test func aWithdrawnDelegationIsLeftOutOfTheReport() throws {
        let msp = try SevenMSP()
        try msp.register("Germany", received: "2017-08-01", participants: [.init(role: "head", name: "Mr. G.")])
        try msp.register("Zambia", received: "2017-08-01", participants: [.init(role: "head", name: "Mr. Z.")])
        try msp.withdraw("Zambia", received: "2017-08-20")
        #expect(try msp.delegation("Zambia").withdrawn)
        #expect(try msp.store.credentialsReport(msp.meeting).missing == ["Germany"])
    }
}

@Suite struct MembershipStoreTests {
    let benin = ReferenceData.states.find("Benin")!

    @Test func recordingAConsentChangesTheCategoryAtTheMeeting() throws {
        let msp = try SevenMSP()
        // A copy of the data without Benin's ratification, as before 10 July 2017.
        try msp.store.transaction { db in
            try db.execute(
                sql: "UPDATE treaty_membership SET consented_on = NULL, consent_kind = NULL WHERE state_iso3 = 'BEN'")
        }
        try msp.register("Benin", received: "2017-08-01", participants: [.init(role: "head", name: "Ms. A. H.")])
        #expect(try msp.store.roster(msp.meeting).groups[1].delegations.map(\.name) == ["Benin"])
        let changes = try msp.count("change")
        let (before, after) = try msp.store.recordMembership(
            convention: "CCM", state: benin,
            change: .consent(LocalDate(iso: "2017-07-10")!, .ratification), change: msp.change)
        #expect(before?.consented == nil && after.consented == LocalDate(iso: "2017-07-10"))
        #expect(try msp.store.roster(msp.meeting).groups[0].delegations.map(\.name) == ["Benin"])
        #expect(try msp.store.membership(convention: "CCM").parties(on: LocalDate(iso: "2017-09-04")!).count == 102)
        #expect(try msp.count("change") == changes + 1)
        // The same fact again changes nothing and logs nothing.
        _ = try msp.store.recordMembership(
            convention: "CCM", state: benin, change: .consent(LocalDate(iso: "2017-07-10")!, .ratification),
            change: msp.change)
        #expect(try msp.count("change") == changes + 1)
    }

    @Test func aRefusedRecordWritesNothing() throws {
        let store = try Store.inMemory()
        let change = ChangeInfo(command: "test")
        let before = try store.membership(convention: "CCM").records
        #expect(throws: InputError.self) {
            try store.recordMembership(
                convention: "CCM", state: benin, change: .signed(LocalDate(iso: "2018-01-01")!), change: change)
        }
        #expect(try store.membership(convention: "CCM").records == before)
        // A convention without records is refused by the desk, before the store is asked (TreatyRecordTests).
        #expect(try store.membershipRecordCount(convention: "ATT") == 0)
    }

    @Test func importingATableAddsAndReplacesRecordsOfThatConventionOnly() throws {
        let store = try Store.inMemory()
        let csv = """
            iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date
            BEN,Benin,2013-04-03,2014-01-01,ratification,
            URY,Uruguay,,2015-02-02,accession,
            """
        let records = try MembershipTable.parse(csv: csv, states: ReferenceData.states)
        let result = try store.importMembership(
            convention: "ATT", records: records, source: "att.csv", change: ChangeInfo(command: "test"))
        #expect(result == MembershipImport(added: 2, changed: 0, unchanged: 0))
        let again = try store.importMembership(
            convention: "ATT", records: [records[0]], source: "att.csv", change: ChangeInfo(command: "test"))
        #expect(again == MembershipImport(added: 0, changed: 0, unchanged: 1))
        #expect(try store.membership(convention: "ATT").parties(on: LocalDate(iso: "2016-01-01")!).count == 2)
        #expect(try store.membership(convention: "CCM").records["BEN"]?.consented == LocalDate(iso: "2017-07-10"))
    }

    @Test func theTableIsCheckedLineByLine() throws {
        let header = "iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date\n"
        let cases: [(String, String)] = [
            (
                "BEN,Benin,2008-12-03,,,\nBEN,Benin,2008-12-03,2017-07-10,ratification,\n",
                "m.csv:3: Benin is already on line 2"
            ),
            ("BEN,Uganda,2008-12-03,,,\n", "m.csv:2: iso_alpha3 'BEN' is Benin but state 'Uganda' is Uganda"),
            ("BEN,Benin,2008-12-03,2017-07-10,,\n", "m.csv:2: a consent date needs its kind"),
            ("BEN,Benin,2008-12-03,2017-02-30,ratification,\n", "m.csv:2: consent_date"),
            ("XXX,Narnia,,,,\n", "m.csv:2:"),
        ]
        for (rows, message) in cases {
            do {
                _ = try MembershipTable.parse(csv: header + rows, states: ReferenceData.states)
                Issue.record("accepted: \(rows)")
            } catch let problem as ImportProblem {
                #expect(problem.located(in: "m.csv").hasPrefix(message), "\(problem.located(in: "m.csv"))")
            }
        }
    }

    @Test func theBundledTableOfTheConventionPassesTheChecks() throws {
        let records = try ReferenceData.membership(convention: "CCM")
        #expect(records.count > 100)
    }
}
