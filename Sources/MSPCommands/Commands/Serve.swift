import ArgumentParser
import Dispatch
import Foundation
import MSPMail

extension MSP {
    /// `msp serve`: the web portal over the database.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the web portal (HTTP) over the database, until SIGTERM or Ctrl-C.",
            discussion: """
                Listens on 127.0.0.1:8080 unless told otherwise: put a reverse proxy with TLS (nginx) in front of it \
                and give --base-url the address people type, so that cookies are sent over TLS only. The command line \
                and the portal can use the same database at the same time. SIGTERM or SIGINT stops it gracefully: the \
                requests under way finish, then it exits 0.

                E-mails to focal points (a submission received, accepted, returned) are queued in the database with \
                the change they tell of, and sent every 2 seconds: to the SMTP relay --smtp, or else as .eml files \
                in --outbox (default: outbox beside the database). One that cannot be sent stays queued and is tried \
                again later; msp mail list shows them.

                Example: msp serve --database 7msp.sqlite --base-url https://msp.example.org \
                --smtp localhost --mail-from 'CCM secretariat <ccm@unog.ch>'
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var mail: MailOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
        var host = "127.0.0.1"

        @Option(
            help: ArgumentHelp("The port to listen on (0: any free port, printed when listening).", valueName: "port"))
        var port = 8080

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The address people reach the portal at, e.g. https://msp.example.org (https: cookies are Secure).",
                valueName: "url"))
        var baseURL: String?

        init() {}

        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port: \(port) is not a port (0 to 65535)")
            }
            if let baseURL {
                guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(),
                    scheme == "http" || scheme == "https", url.host != nil
                else {
                    throw ValidationError("--base-url: '\(baseURL)' is not an http:// or https:// address")
                }
            }
        }

        func run() throws {
            guard let portal = MSP.portal else {
                throw CommandFailure(.unavailable, "msp serve: this msp was built without the portal")
            }
            let path = database.path
            let host = host
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            let request = PortalRun(
                databasePath: path, host: host, port: port, baseURL: baseURL.flatMap { URL(string: $0) },
                mail: mail.sender(database: path),
                report: { line in FileHandle.standardError.write(Data("msp serve: \(line)\n".utf8)) },
                onListening: { port in
                    // Written whole and at once: a supervisor or a test reads the port from this line.
                    FileHandle.standardOutput.write(
                        Data(
                            "msp serve: listening on http://\(host):\(port) (database: \(path)); SIGTERM or Ctrl-C stops it\n"
                                .utf8))
                })
            FileHandle.standardOutput.write(
                Data("msp serve: e-mails to focal points go to \(mail.destination(database: path))\n".utf8))
            Task {
                do {
                    try await portal(request)
                } catch {
                    outcome.error = error
                }
                done.signal()
            }
            done.wait()
            if let error = outcome.error { throw database.located(error) }
            print("msp serve: stopped")
        }

        /// How the server's task ended, handed back to the waiting thread.
        final class Outcome: @unchecked Sendable {
            var error: (any Error)?
        }
    }
}

/// What `msp serve` asks of the portal: where, over which database, where e-mails go, and whom to tell.
package struct PortalRun: Sendable {
    package var databasePath: String
    package var host: String
    package var port: Int
    /// The address people reach the portal at (https: cookies are Secure).
    package var baseURL: URL?
    /// Where the outbox's e-mails go: an SMTP relay, or a folder of .eml files.
    package var mail: (any MailSender)?
    /// A line about an e-mail sent or failed.
    package var report: @Sendable (String) -> Void
    /// Called with the port once listening (0 asked for any free port).
    package var onListening: @Sendable (Int) async -> Void
}

extension MSP {
    /// The portal `msp serve` runs until SIGTERM or SIGINT, set by the executable before it runs the command line.
    ///
    /// The command line's library does not link the web server: the `msp` executable does (MSPServer's
    /// `Portal.serve`) and hands it in here, so that the library and its tests carry no HTTP stack.
    nonisolated(unsafe) package static var portal: (@Sendable (PortalRun) async throws -> Swift.Void)?
}
