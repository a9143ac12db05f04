import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `msp serve`: it starts, answers on loopback, shares its database with the command line, and stops
/// with status 0 soon after SIGTERM.
@Suite struct ServeTests {
    /// A running `msp serve` and the port it printed.
    final class Server: @unchecked Sendable {
        let process = Process()
        let out = Pipe()
        let err = Pipe()
        var port = 0
        private var printed = Data()
        private let lock = NSLock()

        init(_ msp: MSPRun, arguments: [String] = []) throws {
            process.executableURL = msp.binary
            process.arguments = ["serve", "--database", msp.database, "--port", "0"] + arguments
            process.currentDirectoryURL = msp.folder
            process.standardOutput = out
            process.standardError = err
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.printed.append(data) }
            }
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, process.isRunning {
                if let port = parsePort() {
                    self.port = port
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw Failure(message: "msp serve printed no port: \(stdout)")
        }

        var stdout: String { lock.withLock { String(decoding: printed, as: UTF8.self) } }

        func parsePort() -> Int? {
            let text = stdout
            guard let range = text.range(of: "listening on http://127.0.0.1:") else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }

        /// Sends SIGTERM and waits at most `seconds` for the process to end.
        func terminate(within seconds: Double) -> (status: Int32, seconds: Double)? {
            let start = Date()
            kill(process.processIdentifier, SIGTERM)
            while process.isRunning {
                if Date().timeIntervalSince(start) > seconds {
                    kill(process.processIdentifier, SIGKILL)
                    return nil
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return (process.terminationStatus, Date().timeIntervalSince(start))
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    struct Failure: Error {
        var message: String
    }

    static func get(_ url: String) async throws -> (status: Int, body: String, headers: [AnyHashable: Any]) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.allHeaderFields)
    }

    @Test func startsAnswersOnLoopbackAndStopsOnSIGTERM() async throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let server = try Server(msp)
        #expect(server.stdout.contains("(database: \(msp.database))"))
        let health = try await Self.get("http://127.0.0.1:\(server.port)/healthz")
        #expect(health.status == 200)
        #expect(health.body.hasPrefix("ok\nschema "))
        let home = try await Self.get("http://127.0.0.1:\(server.port)/")
        #expect(home.status == 200)
        #expect(home.body.contains("Sign in"))

        // The command line writes to the same file while the server has it open.
        let added = try msp.run(
            ["user", "add", "clerk", "--role", "viewer", "--password-file", "-"], stdin: "a long enough passphrase\n")
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try msp("meeting", "list")
        #expect(listed.status == 0, "\(listed.stderr)")

        let stopped = try #require(server.terminate(within: 5), "msp serve did not stop within 5 s of SIGTERM")
        #expect(stopped.status == 0)
        #expect(server.stdout.contains("msp serve: stopped"))
    }

    @Test func aBadPortOrBaseURLIsAUsageError() throws {
        let msp = try MSPRun()
        let port = try msp("serve", "--port", "70000")
        #expect(port.status == 64)
        #expect(port.stderr.contains("--port"))
        let url = try msp("serve", "--base-url", "msp.example.org")
        #expect(url.status == 64)
        #expect(url.stderr.contains("--base-url"))
    }
}
