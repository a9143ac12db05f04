import Foundation

/// How `msp serve` was started: where to listen and the address people reach the portal at.
package struct PortalConfiguration: Sendable {
    /// The address to bind: loopback unless told otherwise (behind a reverse proxy on the same machine).
    package var host: String
    /// 0 picks a free port (tests).
    package var port: Int
    /// The address people type (`https://msp.example.org`); with https, cookies are `Secure`.
    package var baseURL: URL?
    /// How long a signed-in session lasts without use.
    package var sessionLifetime: Duration

    package init(
        host: String = "127.0.0.1", port: Int = 8080, baseURL: URL? = nil,
        sessionLifetime: Duration = .seconds(8 * 3600)
    ) {
        self.host = host
        self.port = port
        self.baseURL = baseURL
        self.sessionLifetime = sessionLifetime
    }

    /// Cookies carry `Secure` when people reach the portal over TLS (nginx in front).
    package var secureCookies: Bool { baseURL?.scheme?.lowercased() == "https" }
}
