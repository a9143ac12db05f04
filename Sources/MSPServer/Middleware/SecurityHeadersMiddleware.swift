import HTTPTypes
import Hummingbird

/// The security headers of every response, pages, files and errors alike: a Content-Security-Policy that allows
/// nothing but this site's own style sheets, images and form targets (no script at all, no inline style), no
/// framing, no MIME sniffing, no Referer sent on. A response that sets its own Content-Security-Policy and
/// X-Frame-Options keeps them (the PDF of a submission, shown in a frame of this site's own page, and that page).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        [
            "default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'",
            "frame-ancestors 'none'", "base-uri 'none'",
        ].joined(separator: "; ")
    }

    static var headers: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            HTTPField.Name("X-Frame-Options")!: "DENY",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        for field in Self.headers where response.headers[field.name] == nil {
            response.headers[field.name] = field.value
        }
        return response
    }
}
