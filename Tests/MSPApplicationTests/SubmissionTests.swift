import Foundation
import GRDB
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// Notes submitted by focal points through their links: checked as `register` checks a note, the PDF checked by its
/// content, received at the desk's clock and judged against the deadline exactly, kept pending until the secretariat
/// accepts (a note recorded with the submission's receipt time) or returns it (with a reason), and never crossing
/// from one delegation to another.
@Suite struct SubmissionTests {
    /// A small valid PDF: `%PDF-` first, `%%EOF` at the end. Its SHA-256 was computed with sha256sum.
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8)
    static let pdfSHA256 = "68d3dbe223d4659eb030429ecc280a437eb6e9b042a59797cbbd9e16f56c1d56"

    /// 18 August 2017, 23:59:59 in Geneva (CEST, UTC+02:00): the last second of the 7MSP's deadline.
    static let lastSecond = Instant(secondsSinceEpoch: 1_503_093_599)

    /// The 7MSP with focal points for Uganda and Kenya; their tokens.
    static func setUp() throws -> (desk: RegistrationDesk, uganda: String, kenya: String) {
        let desk = try Desk.sevenMSP()
        let (_, uganda) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@ug.example"))
        let (_, kenya) = try desk.addFocalPoint(FocalPointRequest(delegation: "Kenya", email: "focal@ke.example"))
        return (desk, uganda, kenya)
    }

    /// The same database, its clock at `instant`.
    static func at(_ desk: RegistrationDesk, _ instant: Instant, user: String = "clerk") -> RegistrationDesk {
        RegistrationDesk(store: desk.store, user: user, clock: { instant }, passwordCost: 4)
    }

    static func request(
        _ reference: String? = "Note 45/2017", participants: [Submission.ParticipantEntry]? = nil, pdf: Data = pdf
    ) -> NoteSubmissionRequest {
        NoteSubmissionRequest(
            reference: reference,
            participants: participants ?? [
                .init(role: "head", title: "H.E. Mr.", name: "John Doe", function: "Ambassador", gender: "male"),
                .init(role: "adviser", name: "Ms. Jane Roe", email: "jane.roe@ug.example"),
            ], pdf: pdf)
    }

    static func refusal(_ body: () throws -> Void) -> InputError? {
        do {
            try body()
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("not an InputError: \(error)")
            return nil
        }
    }

    static func count(_ desk: RegistrationDesk, _ table: String) throws -> Int {
        try desk.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    // MARK: - Receiving

    @Test func theDeadlineAppliesToTheSecondInTheVenuesTime() throws {
        let (desk, uganda, kenya) = try Self.setUp()
        let onTime = try Self.at(desk, Self.lastSecond).submit(token: uganda, request: Self.request())
        #expect(onTime.lateness == .onTime)
        #expect(onTime.received == Self.lastSecond && onTime.status == .pending)
        // One second later, 19 August 00:00:00 in Geneva: late, and kept.
        let late = try Self.at(desk, Self.lastSecond.adding(seconds: 1)).submit(
            token: kenya, request: Self.request("Note KMG/DIS/17/4"))
        #expect(late.lateness == .late(seconds: 0) && late.lateness.isLate)
        #expect(late.status == .pending && late.delegation == "Kenya")
        // 18:30 in New York on the 18th is 00:30 on the 19th in Geneva: late by 30 minutes.
        let newYork = try Self.at(desk, Instant(secondsSinceEpoch: 1_503_095_400)).submit(
            token: kenya, request: Self.request("Note KMG/DIS/17/5"))
        #expect(newYork.lateness == .late(seconds: 1800) && newYork.lateness.description == "30 minutes")
        // The queue: oldest first, with lateness.
        let (_, queue) = try desk.submissions(meeting: "7MSP")
        #expect(queue.map(\.id) == [onTime.id, late.id, newYork.id])
        #expect(queue.map(\.lateness.isLate) == [false, true, true])
    }

    @Test func theSubmissionIsKeptAsCheckedWithItsPDFAndItsHash() throws {
        let (desk, uganda, _) = try Self.setUp()
        let submitted = try desk.submit(token: uganda, request: Self.request())
        #expect(submitted.meeting.code == "7MSP" && submitted.delegation == "Uganda")
        #expect(submitted.focalPointEmail == "focal@ug.example")
        #expect(submitted.reference == "Note 45/2017")
        // Checked as register checks a note: the honorific in the name is kept apart.
        #expect(submitted.participants.map(\.displayName) == ["H.E. Mr. John Doe", "Ms. Jane Roe"])
        #expect(submitted.participants[1].title == "Ms." && submitted.participants[1].name == "Jane Roe")
        #expect(submitted.pdfSHA256 == Self.pdfSHA256 && submitted.pdfSize == Self.pdf.count)
        let (read, pdf) = try desk.submission(id: submitted.id, meeting: "7MSP")
        #expect(read == submitted && pdf == Self.pdf)
        let stored = try desk.store.read { db in
            try Row.fetchOne(db, sql: "SELECT hex(pdf_sha256) AS hash, status, content FROM submission")!
        }
        #expect((stored["hash"] as String).lowercased() == Self.pdfSHA256)
        #expect(stored["status"] as String == "pending")
        #expect((stored["content"] as String).contains("\"reference\":\"Note 45/2017\""))
        // Nothing is recorded as a note until the secretariat accepts it.
        #expect(try Self.count(desk, "note") == 0)
        // The arrival is a change, by the focal point.
        let change = try desk.store.read { db in
            try Row.fetchOne(db, sql: "SELECT os_user, command FROM change ORDER BY id DESC LIMIT 1")!
        }
        #expect(
            change["os_user"] as String == "focal point focal@ug.example" && change["command"] as String == "submit")
    }

    @Test func aBadPDFIsRefusedOnItsFieldAndNothingIsKept() throws {
        let (desk, uganda, _) = try Self.setUp()
        let max = NoteDocument.maxBytes
        func body(_ size: Int) -> Data {
            Data("%PDF-".utf8) + Data(repeating: 0x20, count: size - 11) + Data("%%EOF\n".utf8)
        }
        #expect(body(max).count == max)
        let bad: [Data] = [
            Data(), Data("hello, this is not a PDF %%EOF".utf8), Data("<html>%PDF-1.4 %%EOF".utf8),
            // Cut short: no %%EOF near the end.
            Data("%PDF-1.4\n1 0 obj\n".utf8) + Data(repeating: 0x20, count: 2000),
            // One byte over 10 MB.
            body(max + 1),
        ]
        for pdf in bad {
            let error = Self.refusal { _ = try desk.submit(token: uganda, request: Self.request(pdf: pdf)) }
            #expect(error?.field == .pdf && error?.reason == .invalid)
        }
        #expect(try Self.count(desk, "submission") == 0)
        // Exactly 10 MB is taken.
        let largest = try desk.submit(token: uganda, request: Self.request(pdf: body(max)))
        #expect(largest.pdfSize == max)
    }

    @Test func theNoteIsCheckedAsRegisterChecksOne() throws {
        let (desk, uganda, _) = try Self.setUp()
        let twoHeads = Self.refusal {
            _ = try desk.submit(
                token: uganda,
                request: Self.request(participants: [.init(role: "head", name: "A"), .init(role: "head", name: "B")]))
        }
        #expect(twoHeads?.field == .participants)
        let noName = Self.refusal {
            _ = try desk.submit(
                token: uganda,
                request: Self.request(participants: [.init(role: "head", name: "A"), .init(role: "adviser", name: " ")])
            )
        }
        #expect(noName?.field == .participant(1, "name"))
        let nobody = Self.refusal { _ = try desk.submit(token: uganda, request: Self.request(participants: [])) }
        #expect(nobody?.field == .participants)
        // A reference the delegation recorded already: refused now, not at acceptance.
        try Desk.register(desk, "Uganda", "Note 45/2017", received: "2017-08-10")
        let twice = Self.refusal { _ = try desk.submit(token: uganda, request: Self.request()) }
        #expect(twice?.field == .reference && twice?.reason == .conflict)
        #expect(try Self.count(desk, "submission") == 0)
    }

    // MARK: - One delegation's link, and nothing else

    @Test func aLinkForUgandaNeitherReadsNorWritesAnythingOfKenyas() throws {
        let (desk, uganda, kenya) = try Self.setUp()
        try Desk.register(
            desk, "Kenya", "Note KMG/DIS/17/1", received: "2017-08-10",
            participants: [.init(role: "head", name: "Wanjiru Kamau")])
        let kenyas = try desk.submit(
            token: kenya,
            request: Self.request("Note KMG/DIS/17/4", participants: [.init(role: "head", name: "Otieno")]))
        let ugandas = try desk.submit(token: uganda, request: Self.request())
        #expect(ugandas.delegation == "Uganda")
        // Uganda's page: Uganda's submissions only, and no composition (it has none yet); none of Kenya's names.
        let overview = try desk.focalPointOverview(token: uganda)
        #expect(overview.access.delegation == "Uganda")
        #expect(overview.submissions.map(\.id) == [ugandas.id])
        #expect(overview.composition.isEmpty && !overview.registered)
        #expect(
            !"\(overview)".contains("Kenya") && !"\(overview)".contains("Kamau") && !"\(overview)".contains("Otieno"))
        // Kenya's page: Kenya's.
        let kenyaOverview = try desk.focalPointOverview(token: kenya)
        #expect(kenyaOverview.submissions.map(\.id) == [kenyas.id])
        #expect(kenyaOverview.composition.map(\.name) == ["Wanjiru Kamau"])
        // Accepting Uganda's submission records Uganda's note: Kenya's composition is as it was.
        _ = try desk.acceptSubmission(id: ugandas.id, meeting: "7MSP")
        let (_, roster) = try desk.roster()
        let kenyaNow = roster.groups.flatMap(\.delegations).first { $0.name == "Kenya" }
        #expect(kenyaNow?.participants.map(\.name) == ["Wanjiru Kamau"])
        #expect(try desk.focalPointOverview(token: uganda).composition.map(\.name) == ["John Doe", "Jane Roe"])
        #expect(try desk.focalPointOverview(token: kenya).submissions.map(\.status) == [.pending])
        // A revoked link stops at once, for reading and writing.
        _ = try desk.revokeFocalPoint(delegation: "Uganda")
        #expect(Self.refusal { _ = try desk.focalPointOverview(token: uganda) }?.reason == .notFound)
        #expect(Self.refusal { _ = try desk.submit(token: uganda, request: Self.request("2")) }?.field == .token)
        // A re-issued link still sees what its delegation sent.
        let (_, again) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "new@ug.example"))
        #expect(try desk.focalPointOverview(token: again).submissions.map(\.id) == [ugandas.id])
    }

    // MARK: - Accepting and returning

    @Test func acceptingRecordsTheNoteWithTheSubmissionsReceiptTime() throws {
        let (desk, uganda, kenya) = try Self.setUp()
        let onTime = try Self.at(desk, Self.lastSecond).submit(token: uganda, request: Self.request())
        let late = try Self.at(desk, Self.lastSecond.adding(seconds: 3601)).submit(
            token: kenya,
            request: Self.request("Note KMG/DIS/17/4", participants: [.init(role: "head", name: "Otieno")]))
        // Accepted later, by j.dupont: the note is received when the submission was.
        let secretariat = Self.at(desk, Desk.now, user: "j.dupont")
        let (accepted, note) = try secretariat.acceptSubmission(id: onTime.id, meeting: "7MSP")
        #expect(note.receipt == Receipt(instant: Self.lastSecond, precision: .instant))
        #expect(note.kind == .registration && note.lateness == .onTime && note.participantCount == 2)
        #expect(accepted.status == .accepted && accepted.decidedBy == "j.dupont" && accepted.decidedAt == Desk.now)
        #expect(accepted.noteNumber != nil)
        let (_, roster) = try desk.roster()
        #expect(
            roster.groups.flatMap(\.delegations).first { $0.name == "Uganda" }?.participants.map(\.displayName)
                == ["H.E. Mr. John Doe", "Ms. Jane Roe"])
        // The history shows the note, received at the submission's time, recorded by who accepted it.
        let history = try desk.history(delegation: "Uganda").entries
        let recorded = history.first { $0.command == "accept submission" }
        #expect(recorded?.received == Self.lastSecond && recorded?.recordedBy == "j.dupont")
        #expect(recorded?.recordedAt == Desk.now && recorded?.number == accepted.noteNumber)
        // A late one becomes a late note, for the secretariat to decide on as any other.
        _ = try secretariat.acceptSubmission(id: late.id, meeting: "7MSP")
        let (_, lateNotes) = try desk.lateNotes(meeting: "7MSP")
        #expect(lateNotes.map(\.delegation) == ["Kenya"] && lateNotes[0].lateness == .late(seconds: 3600))
        // Once decided, not again; the queue is empty.
        let again = Self.refusal { _ = try secretariat.acceptSubmission(id: onTime.id, meeting: "7MSP") }
        #expect(again?.field == .submission && again?.reason == .conflict)
        #expect(try desk.submissions(meeting: "7MSP").submissions.isEmpty)
        #expect(try desk.submissions(meeting: "7MSP", status: .accepted).submissions.count == 2)
        // An amendment: a second accepted submission changes the composition.
        let amendment = try desk.submit(
            token: uganda, request: Self.request("Note 46/2017", participants: [.init(role: "head", name: "Mary Poe")]))
        #expect(try secretariat.acceptSubmission(id: amendment.id, meeting: "7MSP").note.kind == .amendment)
        #expect(try desk.focalPointOverview(token: uganda).composition.map(\.name) == ["Mary Poe"])
    }

    @Test func returningNeedsAReasonWhichTheFocalPointSees() throws {
        let (desk, uganda, _) = try Self.setUp()
        let submitted = try desk.submit(token: uganda, request: Self.request())
        let secretariat = Self.at(desk, Desk.now, user: "j.dupont")
        for blank in ["", "   "] {
            let error = Self.refusal { _ = try secretariat.returnSubmission(id: submitted.id, reason: blank) }
            #expect(error?.field == .reason && error?.reason == .invalid)
        }
        let returned = try secretariat.returnSubmission(
            id: submitted.id, reason: "The note verbale is not signed.", meeting: "7MSP")
        #expect(returned.status == .returned && returned.reason == "The note verbale is not signed.")
        #expect(returned.decidedBy == "j.dupont" && returned.noteNumber == nil)
        #expect(try Self.count(desk, "note") == 0)
        let seen = try desk.focalPointOverview(token: uganda).submissions
        #expect(seen.map(\.status) == [.returned] && seen[0].reason == "The note verbale is not signed.")
        // Returned is final: neither accepted nor returned again.
        #expect(Self.refusal { _ = try secretariat.acceptSubmission(id: submitted.id) }?.reason == .conflict)
        #expect(
            Self.refusal { _ = try secretariat.returnSubmission(id: submitted.id, reason: "x") }?.reason == .conflict)
        // An unknown number is not found.
        #expect(Self.refusal { _ = try secretariat.submission(id: 999) }?.reason == .notFound)
    }

    @Test func everyDecisionIsLoggedWithWhoAndWhen() throws {
        let (desk, uganda, kenya) = try Self.setUp()
        let first = try desk.submit(token: uganda, request: Self.request())
        let second = try desk.submit(token: kenya, request: Self.request("K/1"))
        let later = Desk.now.adding(seconds: 600)
        _ = try Self.at(desk, later, user: "j.dupont").acceptSubmission(id: first.id)
        _ = try Self.at(desk, later, user: "a.smith").returnSubmission(id: second.id, reason: "Unsigned.")
        let changes = try desk.store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT made_at, os_user, command, reason FROM change WHERE command LIKE '% submission'")
        }
        #expect(changes.map { $0["command"] as String } == ["accept submission", "return submission"])
        #expect(changes.map { $0["os_user"] as String } == ["j.dupont", "a.smith"])
        #expect(changes.map { $0["made_at"] as Int64 } == [later.secondsSinceEpoch, later.secondsSinceEpoch])
        #expect(changes.map { $0["reason"] as String? } == [nil, "Unsigned."])
    }
}
