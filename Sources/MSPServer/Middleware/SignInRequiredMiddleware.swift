import Foundation
import HTTPTypes
import Hummingbird

/// The pages behind it need someone signed in with an account still active: anyone else is sent to the sign-in
/// page, which brings them back. An account disabled meanwhile (`msp user disable`) ends its sessions at their next
/// request.
struct SignInRequiredMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let desk: DeskRunner

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let user = context.signedIn else {
            return .redirect(to: "/login?next=" + LoginTarget.encode(request.uri.path), type: .normal)
        }
        guard try await Self.isActive(user, desk: desk) else {
            context.sessions.clearSession()
            return .redirect(to: "/login?next=" + LoginTarget.encode(request.uri.path), type: .normal)
        }
        return try await next(request, context)
    }

    /// Whether the account signed in is still there and not disabled.
    static func isActive(_ user: SignedInUser, desk: DeskRunner) async throws -> Bool {
        try await desk.run { desk in try desk.accounts().contains { $0.name == user.name && $0.isActive } }
    }
}

/// Where to go after signing in: a path of this site only (never another site's address).
enum LoginTarget {
    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_.~"))) ?? "/"
    }

    static func safe(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return "/" }
        return next
    }
}
