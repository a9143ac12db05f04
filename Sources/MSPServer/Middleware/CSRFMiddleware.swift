import HTTPTypes
import Hummingbird

/// Every request that could change something (anything but GET and HEAD) must carry the session's CSRF token in
/// its form (`csrf_token`): a form posted from another site, or from a page of an ended session, is refused
/// (403) before any controller sees it. The token is compared in constant time. A focal point's form has no session:
/// its token is tied to the link, and `links` checks it.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    /// The check of focal points' forms (`/focal-point/TOKEN/submissions`, multipart).
    var links = FocalPointCSRF()

    /// A form larger than this is refused (the portal's forms are a few fields).
    static let maxFormBytes = 64 * 1024

    struct TokenField: Decodable {
        var token: String?

        enum CodingKeys: String, CodingKey {
            case token = "csrf_token"
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        if let token = FocalPointCSRF.linkToken(inFormPath: request.uri.path) {
            var context = context
            context.focalPointForm = try await links.check(&request, token: token)
            return try await next(request, context)
        }
        let body = try await request.collectBody(upTo: Self.maxFormBytes)
        let form = String(buffer: body)
        let sent = (try? URLEncodedFormDecoder().decode(TokenField.self, from: form))?.token
        guard let expected = context.sessions.session?.csrfToken, let sent, Secrets.equal(sent, expected) else {
            throw PortalError.forbiddenForm
        }
        return try await next(request, context)
    }
}
