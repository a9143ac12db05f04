import HTTPTypes
import Hummingbird
import Logging

/// Every error becomes a plain page with its status and one sentence for people: never a stack trace, a path or
/// SQL. What went wrong inside is logged, with the request's id, for whoever runs the server.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let templates: Templates

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let (shown, isInternal) = PortalError.from(error)
            if isInternal {
                context.logger.error(
                    "\(request.method) \(request.uri.path): \(String(reflecting: error))")
            }
            return render(shown, session: context.sessions.session)
        }
    }

    func render(_ error: PortalError, session: PortalSession?) -> Response {
        struct Model {
            var status: Int
            var reason: String
            var message: String
            var signedIn: SignedInView?
        }
        let model = Model(
            status: error.status.code, reason: error.status.reasonPhrase, message: error.message,
            signedIn: SignedInView(session))
        if let page = try? templates.page("error", model, status: error.status) { return page }
        // The template cannot fail to be there (it is in the binary); still, a page in plain text rather than none.
        return Response(
            status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "\(error.status.code) \(error.status.reasonPhrase)\n")))
    }
}
