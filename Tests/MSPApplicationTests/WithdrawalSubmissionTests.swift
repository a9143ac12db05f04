import Foundation
import GRDB
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// Withdrawals a focal point submits through their link, and what the history says of every submission: checked as
/// `withdraw` checks a withdrawal (when it arrives and again when accepted), kept pending until the secretariat
/// accepts it (the delegation leaves the list of participants, with the submission's receipt time) or returns it,
/// and never touching another delegation.
@Suite struct WithdrawalSubmissionTests {
    typealias S = SubmissionTests

    /// Uganda and Kenya registered on time (15 August), each with a focal point; their tokens.
    static func setUp() throws -> (desk: RegistrationDesk, uganda: String, kenya: String) {
        let (desk, uganda, kenya) = try S.setUp()
        try Desk.register(desk, "Uganda", "Note 45/2017", received: "2017-08-15T10:00:00+02:00")
        try Desk.register(desk, "Kenya", "KMG/1", received: "2017-08-15T11:00:00+02:00")
        return (desk, uganda, kenya)
    }

    static func withdrawal(_ reference: String? = "Note 50/2017", pdf: Data = S.pdf) -> WithdrawalSubmissionRequest {
        WithdrawalSubmissionRequest(reference: reference, pdf: pdf)
    }

    static func listed(_ desk: RegistrationDesk) throws -> [String] {
        try desk.roster(meeting: "7MSP").roster.groups.flatMap { $0.delegations.map(\.name) }
    }

    @Test func anAcceptedWithdrawalTakesOnlyItsDelegationOffTheListWithItsReceiptTime() throws {
        let (desk, uganda, _) = try Self.setUp()
        let received = S.lastSecond.adding(seconds: -3600)
        let submitted = try S.at(desk, received).submitWithdrawal(token: uganda, request: Self.withdrawal())
        #expect(submitted.kind == .withdrawal && submitted.status == .pending && submitted.participants.isEmpty)
        #expect(submitted.delegation == "Uganda" && submitted.lateness == .onTime)
        // Pending: nothing changes on the list.
        #expect(try Self.listed(desk) == ["Kenya", "Uganda"])
        let (accepted, note) = try S.at(desk, Desk.now, user: "j.dupont").acceptSubmission(id: submitted.id)
        #expect(accepted.status == .accepted && accepted.noteNumber != nil)
        #expect(note.kind == .withdrawal && note.receipt.instant == received && note.participantCount == 0)
        // Uganda left the list; Kenya, whose focal point sent nothing, stays.
        #expect(try Self.listed(desk) == ["Kenya"])
        let history = try desk.history(delegation: "Uganda").entries
        #expect(history.map(\.kindName).contains("withdrawal"))
        #expect(
            history.map(\.kindName).filter { $0.hasPrefix("submission_") } == [
                "submission_received", "submission_accepted",
            ])
    }

    @Test func aDelegationWithoutARegistrationCannotWithdrawAndNothingIsWritten() throws {
        let (desk, uganda, _) = try S.setUp()
        let before = try S.count(desk, "submission")
        let error = S.refusal { _ = try desk.submitWithdrawal(token: uganda, request: Self.withdrawal()) }
        #expect(error?.field == .delegation && error?.reason == .notFound)
        #expect(try S.count(desk, "submission") == before)
    }

    @Test func aWithdrawnDelegationCannotWithdrawAgain() throws {
        let (desk, uganda, _) = try Self.setUp()
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Uganda", receivedAt: "2017-08-16"))
        let error = S.refusal { _ = try desk.submitWithdrawal(token: uganda, request: Self.withdrawal()) }
        #expect(error?.field == .delegation && error?.reason == .conflict)
        #expect(try S.count(desk, "submission") == 0)
    }

    @Test func aWithdrawalOvertakenBeforeItIsAcceptedIsRefusedAndStaysPending() throws {
        let (desk, uganda, _) = try Self.setUp()
        let submitted = try S.at(desk, S.lastSecond).submitWithdrawal(token: uganda, request: Self.withdrawal())
        // Meanwhile the clerk records Uganda's withdrawal by hand (the note also came by e-mail).
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Uganda", receivedAt: "2017-08-18T12:00:00+02:00"))
        let error = S.refusal { _ = try desk.acceptSubmission(id: submitted.id) }
        #expect(error?.reason == .conflict && error?.field == .delegation)
        #expect(try desk.submission(id: submitted.id).submission.status == .pending)
        // The secretariat returns it instead.
        let returned = try desk.returnSubmission(id: submitted.id, reason: "Recorded already from the e-mail copy")
        #expect(returned.status == .returned)
    }

    @Test func aWithdrawalNeedsItsNoteAsAPDFAndANewReference() throws {
        let (desk, uganda, _) = try Self.setUp()
        let notPDF = S.refusal {
            _ = try desk.submitWithdrawal(token: uganda, request: Self.withdrawal(pdf: Data("hello".utf8)))
        }
        #expect(notPDF?.field?.root == "pdf")
        let used = S.refusal { _ = try desk.submitWithdrawal(token: uganda, request: Self.withdrawal("Note 45/2017")) }
        #expect(used?.field == .reference && used?.reason == .conflict)
        #expect(try S.count(desk, "submission") == 0)
    }

    @Test func theHistoryShowsEachSubmissionReceivedAndWhatTheSecretariatDidWithWhoAndWhy() throws {
        let (desk, uganda, _) = try Self.setUp()
        let first = try S.at(desk, S.lastSecond).submit(token: uganda, request: S.request("Note 46/2017"))
        _ = try S.at(desk, Desk.now, user: "j.dupont").returnSubmission(
            id: first.id, reason: "The note verbale is not signed")
        let second = try S.at(desk, S.lastSecond.adding(seconds: 60)).submit(
            token: uganda, request: S.request("Note 47/2017"))
        _ = try S.at(desk, Desk.now, user: "m.rossi").acceptSubmission(id: second.id)
        let entries = try desk.history(delegation: "Uganda").entries.filter { $0.kindName.hasPrefix("submission_") }
        #expect(
            entries.map(\.kindName) == [
                "submission_received", "submission_received", "submission_returned", "submission_accepted",
            ])
        #expect(entries[0].recordedBy == "focal point focal@ug.example" && entries[0].lateness == .onTime)
        #expect(entries[1].lateness?.isLate == true)
        #expect(entries[2].recordedBy == "j.dupont" && entries[2].reason == "The note verbale is not signed")
        #expect(entries[3].recordedBy == "m.rossi" && entries[3].number != nil)
        guard case .submission(.returned, let id, .note, let reference, _) = entries[2].record else {
            Issue.record("not a returned submission: \(entries[2].record)")
            return
        }
        #expect(id == first.id && reference == "Note 46/2017")
    }
}

/// A withdrawal's e-mails say it is a withdrawal, and list no participant.
@Suite struct WithdrawalMailTests {
    @Test func theFocalPointIsToldOfTheWithdrawalReceivedAndAccepted() throws {
        let (desk, uganda, _) = try WithdrawalSubmissionTests.setUp()
        let submitted = try SubmissionTests.at(desk, SubmissionTests.lastSecond).submitWithdrawal(
            token: uganda, request: WithdrawalSubmissionTests.withdrawal())
        _ = try desk.acceptSubmission(id: submitted.id)
        let outbox = try desk.store.read { try MailRecord.order(MailRecord.Columns.id).fetchAll($0) }
        #expect(outbox.count == 2)
        #expect(outbox[0].subject.hasSuffix("withdrawal Note 50/2017 of Uganda received on time"))
        #expect(outbox[0].body.contains("The secretariat received your withdrawal on time."))
        #expect(outbox[0].body.contains("it lists no participant") && !outbox[0].body.contains("Participants ("))
        #expect(outbox[1].body.contains("your delegation is no longer on the list of participants"))
        #expect(outbox.allSatisfy { $0.toAddress == "focal@ug.example" })
    }
}
