import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOCore

/// What the portal keeps between requests of one browser: the token its forms carry, and who signed in.
/// Kept in the database (`DatabasePersistDriver`): a restart signs nobody out.
package struct PortalSession: Codable, Sendable, Equatable, AccountBoundSession {
    /// The CSRF token every form of this session carries in a hidden field (`csrf_token`).
    package var csrfToken: String
    /// Nil until someone signs in.
    package var user: SignedInUser?

    package init(csrfToken: String = Secrets.token(), user: SignedInUser? = nil) {
        self.csrfToken = csrfToken
        self.user = user
    }

    /// Who signed in with it, kept beside it so that disabling the account ends it.
    var accountName: String? { user?.name }
}

package struct SignedInUser: Codable, Sendable, Equatable {
    package var name: String
    /// `secretariat` or `viewer`.
    package var role: String

    package init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// The request context of every portal request: Hummingbird's core context and the session.
package struct PortalContext: RequestContext, SessionRequestContext, RemoteAddressRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let sessions: SessionContext<PortalSession>
    /// The peer of the connection (nginx's, behind a proxy).
    package let remoteAddress: SocketAddress?
    /// A focal point's form as `CSRFMiddleware` read and checked it: its body is up to 10 MB, so it is parsed once
    /// and handed on here rather than parsed again by the controller.
    var focalPointForm: MultipartForm?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
        focalPointForm = nil
    }

    /// Where a request comes from, for counting failed sign-ins: the peer's address; behind a reverse proxy on this
    /// machine (a loopback peer), the address the proxy says it served (`X-Real-IP`, which nginx sets).
    func clientAddress(_ request: Request) -> String {
        let peer = remoteAddress?.ipAddress
        let isLoopback = peer.map { $0.hasPrefix("127.") || $0 == "::1" } ?? true
        if isLoopback, let forwarded = request.headers[HTTPField.Name("X-Real-IP")!], !forwarded.isEmpty {
            return String(forwarded.prefix(64))
        }
        return peer ?? "unknown"
    }

    /// Forms are posted as `application/x-www-form-urlencoded` (no JavaScript).
    package var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }

    /// The session, made if there is none yet (a form needs its token before anyone signs in).
    func ensureSession(lifetime: Duration) -> PortalSession {
        if let session = sessions.session { return session }
        let fresh = PortalSession()
        sessions.createSession(fresh, expiresIn: lifetime)
        return fresh
    }

    var signedIn: SignedInUser? { sessions.session?.user }
}
