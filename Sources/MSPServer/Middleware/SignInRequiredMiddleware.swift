import Foundation
import HTTPTypes
import Hummingbird

/// The pages behind it need someone signed in: anyone else is sent to the sign-in page, which brings them back.
struct SignInRequiredMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard context.signedIn != nil else {
            return .redirect(to: "/login?next=" + LoginTarget.encode(request.uri.path), type: .normal)
        }
        return try await next(request, context)
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
