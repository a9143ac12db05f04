import Foundation
import Glibc
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// A desk over a fresh in-memory database holding the 7MSP, with Uganda's focal point and its link's token.
enum MailDesk {
    /// 1 September 2017, 12:00 UTC.
    static let now = Instant(secondsSinceEpoch: 1_504_267_200)

    static let pdf = Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8)

    /// A clock a test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Instant
        init(_ start: Instant) { value = start }
        var now: Instant { lock.withLock { value } }
        func advance(_ seconds: Int64) { lock.withLock { value = value.adding(seconds: seconds) } }
    }

    static func make(clock: Clock = Clock(now)) throws -> (desk: RegistrationDesk, token: String) {
        let desk = RegistrationDesk(store: try Store.inMemory(), user: "clerk", clock: { clock.now }, passwordCost: 4)
        try desk.addMeeting(
            MeetingRequest(
                code: "7MSP", title: "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
                convention: "CCM", opens: "2017-09-04", closes: "2017-09-06", deadline: "2017-08-18",
                timeZone: "Europe/Zurich", venue: "Palais des Nations, Room XIX, Geneva"))
        let (_, token) = try desk.addFocalPoint(
            FocalPointRequest(delegation: "Côte d'Ivoire", email: "focal@ci.example"))
        return (desk, token)
    }

    static func request(_ reference: String = "Note 45/2017") -> NoteSubmissionRequest {
        NoteSubmissionRequest(
            reference: reference,
            participants: [
                .init(role: "head", title: "H.E. Mr.", name: "Kouadio Adjoumani", function: "Ambassadeur"),
                .init(role: "adviser", name: "Ms. Aïssata Koné", email: "a.kone@ci.example"),
            ], pdf: pdf)
    }
}

/// The repository's folder (for tests/mail/*.py).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The Python that has aiosmtpd: $MSP_PYTHON, else the virtual environment scripts/install-deps makes when the
/// system's Python refuses pip, else python3.
let python: String = {
    if let path = ProcessInfo.processInfo.environment["MSP_PYTHON"] { return path }
    let venv = repository.appending(path: ".build/mail-venv/bin/python").path
    if FileManager.default.isExecutableFile(atPath: venv) { return venv }
    return "python3"
}()

struct Failure: Error, CustomStringConvertible {
    var description: String
}

/// A port nobody listens on now: bound to 0, read, closed.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
        }
    }
    guard bound else { throw Failure(description: "no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A real SMTP server (aiosmtpd, tests/mail/smtp_sink.py) on 127.0.0.1:`port`, keeping what it receives in `folder`.
final class SMTPSink {
    let port: Int
    let folder: URL
    let process = Process()

    init(port: Int? = nil) throws {
        self.port = try port ?? freePort()
        folder = FileManager.default.temporaryDirectory.appending(path: "msp-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            python, repository.appending(path: "tests/mail/smtp_sink.py").path, String(self.port), folder.path,
            "--lifetime", "900",
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // It says "listening" once it accepts connections.
        let line = out.fileHandleForReading.availableData
        guard String(decoding: line, as: UTF8.self).contains("listening") else {
            process.terminate()
            throw Failure(
                description: "the SMTP server did not start (is aiosmtpd installed? scripts/install-deps installs it)")
        }
    }

    /// SIGTERM, then SIGKILL if it is still there 5 seconds later.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// What it received, in order: the envelope and what Python's email package read (tests/mail/parse_eml.py).
    func received() throws -> [[String: Any]] {
        var messages: [[String: Any]] = []
        var number = 1
        while true {
            let file = folder.appending(path: "\(number).json")
            guard let data = try? Data(contentsOf: file) else { break }
            messages.append(try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
            number += 1
        }
        return messages
    }

    /// The raw bytes of message `number` (from 1) as received.
    func raw(_ number: Int) throws -> Data { try Data(contentsOf: folder.appending(path: "\(number).eml")) }
}

/// Python's email package on .eml files (tests/mail/parse_eml.py).
func parseWithPython(_ paths: [String]) throws -> [[String: Any]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repository.appending(path: "tests/mail/parse_eml.py").path] + paths
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw Failure(description: "parse_eml.py failed") }
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
}

/// A JSON value as text ("" when it is not a string).
func text(_ value: Any?) -> String { value as? String ?? "" }
