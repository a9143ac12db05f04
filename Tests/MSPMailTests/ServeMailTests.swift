import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `msp`, end to end: a focal point submits through `msp serve`'s form, and the e-mail reaches a real SMTP
/// server (aiosmtpd); with the relay down it stays queued (`msp mail list`), and `msp mail send` delivers it once the
/// relay is up.
@Suite(.serialized) struct ServeMailTests {
    /// The `msp` swift test built, beside this test bundle, or $MSP_BINARY.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["MSP_BINARY"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: folder.appending(path: "msp").path) {
                return folder.appending(path: "msp").path
            }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appending(path: ".build/debug/msp").path
    }()

    static let from = "Secrétariat CCM <ccm@unog.example>"

    /// A scratch folder with the 7MSP and a focal point for Côte d'Ivoire; its link's token.
    final class Scratch {
        let folder: URL
        var database: String { folder.appending(path: "msp.sqlite").path }
        var token = ""

        init() throws {
            folder = FileManager.default.temporaryDirectory.appending(path: "msp-mail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try run(
                "meeting", "add", "7MSP", "--title",
                "Seventh Meeting of States Parties to the Convention on Cluster Munitions", "--convention", "CCM",
                "--opens", "2017-09-04", "--closes", "2017-09-06", "--deadline", "2017-08-18", "--time-zone",
                "Europe/Zurich")
            let added = try run(
                "focal-point", "add", "--delegation", "Côte d'Ivoire", "--email", "focal@ci.example", "--base-url",
                "http://127.0.0.1")
            let range = try #require(added.range(of: #"/focal-point/[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            token = String(added[range].dropFirst("/focal-point/".count))
        }

        /// Runs `msp ARGS --database ...`; returns its standard output and checks its status.
        @discardableResult
        func run(_ arguments: String..., status: Int32 = 0) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ServeMailTests.binary)
            process.arguments = arguments + ["--database", database]
            process.currentDirectoryURL = folder
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(
                process.terminationStatus == status,
                "msp \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
            return String(decoding: output, as: UTF8.self)
        }

        /// `msp mail list --format json`.
        func outbox() throws -> [[String: Any]] {
            let text = try run("mail", "list", "--format", "json")
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        }
    }

    /// A running `msp serve` on a free port.
    final class Server {
        let process = Process()
        let out = Pipe()
        var port = 0

        init(_ scratch: Scratch, _ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: ServeMailTests.binary)
            process.arguments = ["serve", "--database", scratch.database, "--port", "0"] + arguments
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var printed = ""
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, process.isRunning {
                printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
                if let range = printed.range(of: "listening on http://127.0.0.1:") {
                    port = Int(printed[range.upperBound...].prefix { $0.isNumber }) ?? 0
                    return
                }
            }
            throw Failure(description: "msp serve printed no port: \(printed)")
        }

        func stop() -> Int32 {
            guard process.isRunning else { return process.terminationStatus }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        /// Opens the link's page and submits its form: one head of delegation and the PDF.
        func submit(token: String) async throws -> Int {
            let page = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/focal-point/\(token)")!)
            let html = String(decoding: page.0, as: UTF8.self)
            let found = try #require(html.range(of: #"name="csrf_token" value="[^"]+""#, options: .regularExpression))
            let csrf = html[found].dropFirst(#"name="csrf_token" value=""#.count).dropLast()
            let boundary = "msp-test-boundary"
            var body = Data()
            for (name, value) in [
                ("csrf_token", String(csrf)), ("rows", "8"), ("reference", "Note 45/2017"),
                ("participant-1-role", "head"), ("participant-1-name", "H.E. Mr. Kouadio Adjoumani"),
                ("participant-1-email", ""),
            ] {
                body += Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"note.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                    .utf8)
            body += MailDesk.pdf + Data("\r\n--\(boundary)--\r\n".utf8)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/focal-point/\(token)/submissions")!)
            request.httpMethod = "POST"
            request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
    }

    /// Whether `condition` holds within `seconds`, asked every 100 ms (sleeping, not blocking a thread of the
    /// tests' pool).
    static func waitFor(_ seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try condition()
    }

    @Test func aSubmissionThroughThePortalIsEMailedThroughTheRelay() async throws {
        let scratch = try Scratch()
        let sink = try SMTPSink()
        defer { sink.stop() }
        let server = try Server(scratch, ["--smtp", "127.0.0.1:\(sink.port)", "--mail-from", Self.from])
        let status = try await server.submit(token: scratch.token)
        #expect((200..<400).contains(status))
        #expect(try await Self.waitFor(60) { try sink.received().count == 1 })
        #expect(server.stop() == 0)
        let message = try #require(try sink.received().first)
        #expect(message["defects"] as? [String] == [])
        #expect(message["rcpt_tos"] as? [String] == ["focal@ci.example"])
        #expect(message["mail_from"] as? String == "ccm@unog.example")
        #expect(message["from_name"] as? String == "Secrétariat CCM")
        #expect(message["to_name"] as? String == "Focal point of Côte d'Ivoire")
        let subject = try #require(message["subject"] as? String)
        #expect(subject.hasPrefix("7MSP – Seventh Meeting of States Parties to the Convention on Cluster Munitions: "))
        #expect(subject.contains("note Note 45/2017 of Côte d'Ivoire received late by "))
        let body = try #require(message["body"] as? String)
        #expect(body.contains("  - Head of delegation: H.E. Mr. Kouadio Adjoumani\n"))
        #expect(body.contains("On time:     no, late by "))
        let outbox = try scratch.outbox()
        #expect(outbox.count == 1)
        #expect(outbox.first?["status"] as? String == "sent")
        #expect(outbox.first?["sent_via"] as? String == "smtp 127.0.0.1:\(sink.port)")
        #expect(outbox.first?["event"] as? String == "submission received")
    }

    @Test func withTheRelayDownTheMessageWaitsAndMailSendDeliversItOnceTheRelayIsUp() async throws {
        let scratch = try Scratch()
        let port = try freePort()
        let server = try Server(scratch, ["--smtp", "127.0.0.1:\(port)", "--mail-from", Self.from])
        let status = try await server.submit(token: scratch.token)
        // The submission is received (the relay's state is not the focal point's concern).
        #expect((200..<400).contains(status))
        #expect(
            try await Self.waitFor(60) { try scratch.outbox().first?["status"] as? String == "retrying" },
            "the failed attempt is recorded")
        #expect(server.stop() == 0)
        let failed = try #require(try scratch.outbox().first)
        #expect(failed["attempts"] as? Int == 1)
        #expect(text(failed["last_error"]).contains("cannot connect to the relay 127.0.0.1:\(port)"))
        #expect(failed["next_attempt"] is String && failed["sent"] is NSNull)
        // Still down: msp mail send keeps it, and says so with status 75.
        let down = try scratch.run(
            "mail", "send", "--smtp", "127.0.0.1:\(port)", "--mail-from", Self.from, "--retry-now", status: 75)
        #expect(down.contains("0 sent to the SMTP relay 127.0.0.1:\(port), 1 kept for a later attempt"))
        #expect(try scratch.outbox().first?["attempts"] as? Int == 2)
        // The relay comes up: the message is not due yet (backoff) until --retry-now.
        let sink = try SMTPSink(port: port)
        defer { sink.stop() }
        let notDue = try scratch.run("mail", "send", "--smtp", "127.0.0.1:\(port)", "--mail-from", Self.from)
        #expect(notDue.contains("0 sent"))
        #expect(try sink.received().isEmpty)
        let sent = try scratch.run(
            "mail", "send", "--smtp", "127.0.0.1:\(port)", "--mail-from", Self.from, "--retry-now")
        #expect(sent.contains("1 sent to the SMTP relay 127.0.0.1:\(port), 0 kept"))
        let received = try sink.received()
        #expect(received.count == 1 && received.first?["rcpt_tos"] as? [String] == ["focal@ci.example"])
        let subject = text(received.first?["subject"])
        #expect(subject.contains("of Côte d'Ivoire received late by"))
        let outbox = try scratch.outbox()
        #expect(outbox.first?["status"] as? String == "sent" && outbox.first?["attempts"] as? Int == 3)
    }

    @Test func withoutARelayServeLeavesEMLFilesInTheOutboxBesideTheDatabase() async throws {
        let scratch = try Scratch()
        let server = try Server(scratch, [])
        #expect((200..<400).contains(try await server.submit(token: scratch.token)))
        let file = scratch.folder.appending(path: "outbox/mail-000001.eml").path
        #expect(try await Self.waitFor(60) { FileManager.default.fileExists(atPath: file) })
        #expect(server.stop() == 0)
        let parsed = try parseWithPython([file])
        #expect(parsed.first?["defects"] as? [String] == [])
        #expect(parsed.first?["from_address"] as? String == "msp@localhost")
        #expect(parsed.first?["to_address"] as? String == "focal@ci.example")
        #expect(try scratch.outbox().first?["sent_via"] as? String == file)
    }

    @Test func mailOptionsThatDoNotHoldTogetherAreUsageErrors() throws {
        let scratch = try Scratch()
        try scratch.run("mail", "send", "--smtp", "localhost:99999", "--mail-from", "a@b.example", status: 64)
        try scratch.run("mail", "send", "--smtp", "localhost", status: 64)
        try scratch.run("mail", "send", "--mail-from", "not an address", status: 64)
        try scratch.run(
            "mail", "send", "--smtp", "localhost", "--mail-from", "a@b.example", "--outbox", "x", status: 64)
        try scratch.run("mail", "list", "--status", "lost", status: 64)
        // Nothing queued: a pass sends nothing and succeeds.
        #expect(try scratch.run("mail", "send").contains("0 sent to the folder "))
    }
}
