import Foundation
import MSPApplication
import MSPDomain
import MSPMail
import MSPStore
import Testing

/// The outbox's messages delivered: over SMTP to a real server (aiosmtpd, started by the test), or as .eml files; a
/// relay that is down leaves them pending, and they go once it is up.
@Suite(.serialized) struct DeliveryTests {
    static let from = MailAddress(name: "Secrétariat CCM", address: "ccm@unog.example")

    @Test func submittedAndAcceptedMessagesReachARealSMTPServerAsPythonReadsThem() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let (desk, token) = try MailDesk.make()
        let submitted = try desk.submit(token: token, request: MailDesk.request())
        _ = try desk.acceptSubmission(id: submitted.id, meeting: "7MSP")
        let sender = SMTPSender(relay: SMTPRelay(host: "127.0.0.1", port: sink.port, timeout: 10), from: Self.from)
        let outcomes = try MailDelivery.pass(desk: desk, sender: sender)
        #expect(outcomes.count == 2 && outcomes.allSatisfy { $0.via == "smtp 127.0.0.1:\(sink.port)" })
        let received = try sink.received()
        try #require(received.count == 2)
        for message in received {
            #expect(message["defects"] as? [String] == [])
            #expect(message["mail_from"] as? String == "ccm@unog.example")
            #expect(message["rcpt_tos"] as? [String] == ["focal@ci.example"])
            #expect(message["from_name"] as? String == "Secrétariat CCM")
            #expect(message["to_name"] as? String == "Focal point of Côte d'Ivoire")
            #expect(message["to_address"] as? String == "focal@ci.example")
            #expect(message["charset"] as? String == "utf-8" && message["crlf_only"] as? Bool == true)
            #expect((message["max_line"] as? Int ?? 999) <= 78)
            #expect(text(message["message_id"]).hasSuffix("@unog.example>"))
        }
        #expect(
            received[0]["subject"] as? String
                == "7MSP – Seventh Meeting of States Parties to the Convention on Cluster Munitions: note Note 45/2017 of Côte d'Ivoire received late by 13 days 14 hours"
        )
        let body = try #require(received[0]["body"] as? String)
        #expect(body.contains("Dear focal point of Côte d'Ivoire,"))
        #expect(body.contains("Received:    2017-09-01T14:00:00+02:00 (Europe/Zurich)"))
        #expect(body.contains("  - Adviser: Ms. Aïssata Koné"))
        #expect(text(received[1]["subject"]).hasSuffix("of Côte d'Ivoire accepted"))
        // The outbox says where each went.
        let outbox = try desk.outbox()
        #expect(outbox.allSatisfy { $0.status == .sent && $0.sentVia == "smtp 127.0.0.1:\(sink.port)" })
        #expect(outbox.allSatisfy { $0.sent == MailDesk.now && $0.attempts == 1 })
    }

    @Test func linesStartingWithADotArriveIntact() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let body = ".\n..two dots\n. a dot and a space\nend"
        let message = MailMessage(
            from: Self.from, to: MailAddress(address: "focal@ug.example"), subject: "dots", body: body,
            date: MailDesk.now, messageID: "<dots@unog.example>")
        #expect(SMTPClient.dotStuffed(message.rendered).contains("\r\n..\r\n...two dots\r\n.. a dot"))
        try SMTPClient.send(
            rendered: message.rendered, from: "ccm@unog.example", to: "focal@ug.example",
            relay: SMTPRelay(host: "127.0.0.1", port: sink.port))
        let received = try sink.received()
        try #require(received.count == 1)
        #expect(received[0]["body"] as? String == body + "\n")
        // The server undid the stuffing: the message as rendered, byte for byte.
        #expect(try sink.raw(1) == Data(message.rendered.utf8))
    }

    @Test func aRelayThatIsDownLeavesTheMessagePendingAndItGoesOnceTheRelayIsUp() throws {
        let clock = MailDesk.Clock(MailDesk.now)
        let (desk, token) = try MailDesk.make(clock: clock)
        let submitted = try desk.submit(token: token, request: MailDesk.request())
        let port = try freePort()
        let sender = SMTPSender(relay: SMTPRelay(host: "127.0.0.1", port: port, timeout: 5), from: Self.from)
        let failed = try MailDelivery.pass(desk: desk, sender: sender)
        #expect(failed.count == 1 && failed[0].via == nil)
        #expect(failed[0].error?.contains("cannot connect to the relay 127.0.0.1:\(port)") == true)
        var message = try #require(try desk.outbox().first)
        #expect(message.status == .pending && message.attempts == 1 && message.state == "retrying")
        #expect(message.nextAttempt == MailDesk.now.adding(seconds: 60))
        // The submission is untouched, pending for the secretariat.
        #expect(try desk.submissions(meeting: "7MSP").submissions.map(\.id) == [submitted.id])
        // Not due yet: a pass now sends nothing, even with the relay up.
        let sink = try SMTPSink(port: port)
        defer { sink.stop() }
        #expect(try MailDelivery.pass(desk: desk, sender: sender).isEmpty)
        #expect(try sink.received().isEmpty)
        clock.advance(60)
        let sent = try MailDelivery.pass(desk: desk, sender: sender)
        #expect(sent.count == 1 && sent[0].via != nil)
        message = try #require(try desk.outbox().first)
        #expect(message.status == .sent && message.attempts == 2)
        #expect(message.lastError?.contains("cannot connect") == true)
        #expect(try sink.received().count == 1)
    }

    @Test func withoutARelayEachMessageIsAnEMLFileOnlyItsOwnerReads() throws {
        let (desk, token) = try MailDesk.make()
        let submitted = try desk.submit(token: token, request: MailDesk.request())
        _ = try desk.returnSubmission(id: submitted.id, reason: "Unsigned.", meeting: "7MSP")
        let folder = FileManager.default.temporaryDirectory.appending(path: "msp-outbox-\(UUID().uuidString)/outbox")
        let sender = OutboxFolder(path: folder.path, from: Self.from)
        let outcomes = try MailDelivery.pass(desk: desk, sender: sender)
        let files = outcomes.compactMap(\.via)
        #expect(files == [sender.file(for: 1), sender.file(for: 2)])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["mail-000001.eml", "mail-000002.eml"])
        // Nothing else in the folder (no temporary file left), and each file is 0600.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "mail-000001.eml", "mail-000002.eml",
            ])
        for file in files {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let parsed = try parseWithPython(files)
        #expect(parsed.count == 2 && parsed.allSatisfy { ($0["defects"] as? [String]) == [] })
        #expect(text(parsed[1]["subject"]).hasSuffix("of Côte d'Ivoire returned"))
        #expect(text(parsed[1]["body"]).contains("Its reason:\n\n  Unsigned.\n"))
        #expect(try desk.outbox().allSatisfy { $0.status == .sent })
        // A file already there is never replaced (a message written before a crash, not yet marked sent).
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: sender.file(for: 3)))
        _ = try desk.submit(token: token, request: MailDesk.request("Note 46/2017"))
        _ = try MailDelivery.pass(desk: desk, sender: sender)
        #expect(try String(contentsOfFile: sender.file(for: 3), encoding: .utf8) == "earlier")
    }

    @Test func theServiceSendsWhatIsQueuedWhileItRuns() async throws {
        let (desk, token) = try MailDesk.make()
        let folder = FileManager.default.temporaryDirectory.appending(path: "msp-outbox-\(UUID().uuidString)")
        let sender = OutboxFolder(path: folder.path, from: Self.from)
        let service = MailService(desk: desk, sender: sender, interval: .milliseconds(50))
        let running = Task { try await service.run() }
        defer { running.cancel() }
        _ = try desk.submit(token: token, request: MailDesk.request())
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, try desk.outbox().first?.status != .sent {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try desk.outbox().first?.status == .sent)
        #expect(FileManager.default.fileExists(atPath: sender.file(for: 1)))
        running.cancel()
        _ = try? await running.value
    }
}
