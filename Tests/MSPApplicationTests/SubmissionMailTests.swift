import Foundation
import GRDB
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// Each submission received, accepted or returned queues exactly one e-mail to its focal point, in the same
/// transaction: a refused submission queues none, and the message says what happened, when, and why.
@Suite struct SubmissionMailTests {
    static func outbox(_ desk: RegistrationDesk) throws -> [OutboxMessage] { try desk.outbox() }

    @Test func aSubmissionReceivedQueuesOneMessageWithItsReceiptTimeAndWhetherItWasOnTime() throws {
        let (desk, uganda, kenya) = try SubmissionTests.setUp()
        let onTime = try SubmissionTests.at(desk, SubmissionTests.lastSecond).submit(
            token: uganda, request: SubmissionTests.request())
        var outbox = try Self.outbox(desk)
        try #require(outbox.count == 1)
        let received = outbox[0]
        #expect(received.event == "submission received" && received.submissionId == onTime.id)
        #expect(received.to == MailAddress(name: "Focal point of Uganda", address: "focal@ug.example"))
        #expect(received.meeting == "7MSP" && received.status == .pending && received.attempts == 0)
        #expect(received.state == "queued" && received.created == SubmissionTests.lastSecond)
        #expect(
            received.subject
                == "7MSP – Seventh Meeting of States Parties to the Convention on Cluster Munitions: note Note 45/2017 of Uganda received on time"
        )
        #expect(received.body.contains("Received:    2017-08-18T23:59:59+02:00 (Europe/Zurich)\n"))
        #expect(received.body.contains("On time:     yes\n"))
        #expect(received.body.contains("Reference:   Note 45/2017\n"))
        #expect(received.body.contains("  - Head of delegation: H.E. Mr. John Doe, Ambassador\n"))
        #expect(received.body.contains("  - Adviser: Ms. Jane Roe\n"))
        // Late by 30 minutes: 18:30 in New York is 00:30 in Geneva.
        _ = try SubmissionTests.at(desk, Instant(secondsSinceEpoch: 1_503_095_400)).submit(
            token: kenya, request: SubmissionTests.request("Note KMG/DIS/17/5"))
        outbox = try Self.outbox(desk)
        try #require(outbox.count == 2)
        #expect(
            outbox[0].to.address == "focal@ke.example" && outbox[0].subject.hasSuffix("received late by 30 minutes"))
        #expect(outbox[0].body.contains("Received:    2017-08-19T00:30:00+02:00 (Europe/Zurich)\n"))
        #expect(outbox[0].body.contains("On time:     no, late by 30 minutes\n"))
        #expect(outbox[0].body.contains("the secretariat will decide whether to accept it"))
    }

    @Test func acceptingAndReturningQueueOneMessageEach() throws {
        let (desk, uganda, kenya) = try SubmissionTests.setUp()
        let ugandas = try desk.submit(token: uganda, request: SubmissionTests.request())
        let kenyas = try desk.submit(token: kenya, request: SubmissionTests.request("Note KMG/DIS/17/4"))
        #expect(try Self.outbox(desk).count == 2)
        let (accepted, _) = try desk.acceptSubmission(id: ugandas.id, meeting: "7MSP")
        var outbox = try Self.outbox(desk)
        try #require(outbox.count == 3)
        #expect(outbox[0].event == "submission accepted" && outbox[0].submissionId == ugandas.id)
        #expect(outbox[0].to.address == "focal@ug.example" && outbox[0].subject.hasSuffix("of Uganda accepted"))
        #expect(outbox[0].body.contains("it is now your delegation's registration (note \(accepted.noteNumber ?? -1))"))
        _ = try desk.returnSubmission(
            id: kenyas.id, reason: "The note verbale is not signed: please attach the signed copy.", meeting: "7MSP")
        outbox = try Self.outbox(desk)
        try #require(outbox.count == 4)
        #expect(outbox[0].event == "submission returned" && outbox[0].to.address == "focal@ke.example")
        #expect(outbox[0].subject.hasSuffix("note Note KMG/DIS/17/4 of Kenya returned"))
        #expect(
            outbox[0].body.contains("Its reason:\n\n  The note verbale is not signed: please attach the signed copy.\n")
        )
        // Each message was queued by the change that it tells of.
        let changes = try desk.store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT m.event, c.command FROM mail m JOIN change c ON c.id = m.change_id ORDER BY m.id")
        }
        #expect(
            changes.map { "\($0["event"] as String)/\($0["command"] as String)" } == [
                "submission received/submit", "submission received/submit",
                "submission accepted/accept submission", "submission returned/return submission",
            ])
    }

    @Test func aRefusedSubmissionOrDecisionQueuesNothing() throws {
        let (desk, uganda, _) = try SubmissionTests.setUp()
        // No PDF: refused, nothing written, no message.
        _ = SubmissionTests.refusal {
            _ = try desk.submit(token: uganda, request: SubmissionTests.request(pdf: Data("not a pdf".utf8)))
        }
        #expect(try Self.outbox(desk).isEmpty)
        let submitted = try desk.submit(token: uganda, request: SubmissionTests.request())
        _ = try desk.returnSubmission(id: submitted.id, reason: "unsigned", meeting: "7MSP")
        // Decided already: refused, and no second message.
        _ = SubmissionTests.refusal { _ = try desk.acceptSubmission(id: submitted.id, meeting: "7MSP") }
        _ = SubmissionTests.refusal { _ = try desk.returnSubmission(id: submitted.id, reason: "x", meeting: "7MSP") }
        #expect(try Self.outbox(desk).map(\.event) == ["submission returned", "submission received"])
    }

    @Test func aFailedAttemptKeepsTheMessageAndTheSubmissionAndRetriesLater() throws {
        let (desk, uganda, _) = try SubmissionTests.setUp()
        let submitted = try desk.submit(token: uganda, request: SubmissionTests.request())
        let message = try #require(try desk.dueMail().first)
        #expect(try desk.claimMail(message.id))
        // Taken: no second sender takes it, and it is not due any more.
        #expect(try !desk.claimMail(message.id))
        #expect(try desk.dueMail().isEmpty)
        try desk.recordMailFailure(message.id, attemptsBefore: 0, error: "cannot connect to the relay: refused")
        let failed = try #require(try desk.outbox().first)
        #expect(failed.status == .pending && failed.state == "retrying" && failed.attempts == 1)
        #expect(failed.lastError == "cannot connect to the relay: refused" && failed.lastAttempt == Desk.now)
        #expect(failed.nextAttempt == Desk.now.adding(seconds: 60))
        #expect(failed.subject == message.subject && failed.body == message.body)
        // The submission is as it was, pending for the secretariat.
        let (_, queue) = try desk.submissions(meeting: "7MSP")
        #expect(queue.map(\.id) == [submitted.id])
        // Due again a minute later; with --retry-now (force) at once.
        #expect(try desk.dueMail().isEmpty)
        #expect(try desk.dueMail(includeWaiting: true).map(\.id) == [message.id])
        let later = SubmissionTests.at(desk, Desk.now.adding(seconds: 60))
        #expect(try later.dueMail().map(\.id) == [message.id])
        #expect(try later.claimMail(message.id))
        try later.recordMailSent(message.id, via: "smtp localhost:25")
        let sent = try #require(try desk.outbox().first)
        #expect(sent.status == .sent && sent.attempts == 2 && sent.sentVia == "smtp localhost:25")
        #expect(try later.dueMail(includeWaiting: true).isEmpty)
    }

    @Test func theRetryDelayDoublesUpToAnHour() {
        #expect(
            (1...9).map { RegistrationDesk.mailRetryDelay(afterAttempts: $0) } == [
                60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
            ])
    }
}
