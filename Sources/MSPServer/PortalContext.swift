import Hummingbird
import HummingbirdAuth

/// What the portal keeps between requests of one browser: the token its forms carry, and who signed in.
/// Kept in memory for now (a restart signs everyone out).
public struct PortalSession: Codable, Sendable, Equatable {
    /// The CSRF token every form of this session carries in a hidden field (`csrf_token`).
    public var csrfToken: String
    /// Nil until someone signs in.
    public var user: SignedInUser?

    public init(csrfToken: String = Secrets.token(), user: SignedInUser? = nil) {
        self.csrfToken = csrfToken
        self.user = user
    }
}

public struct SignedInUser: Codable, Sendable, Equatable {
    public var name: String
    /// `secretariat` or `viewer`.
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// The request context of every portal request: Hummingbird's core context and the session.
public struct PortalContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<PortalSession>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
    }

    /// Forms are posted as `application/x-www-form-urlencoded` (no JavaScript).
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }

    /// The session, made if there is none yet (a form needs its token before anyone signs in).
    func ensureSession(lifetime: Duration) -> PortalSession {
        if let session = sessions.session { return session }
        let fresh = PortalSession()
        sessions.createSession(fresh, expiresIn: lifetime)
        return fresh
    }

    var signedIn: SignedInUser? { sessions.session?.user }
}
