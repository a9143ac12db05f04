import Hummingbird
import MSPDocuments

/// `GET /static/NAME`: the portal's style sheets, from the binary. `roster.css` is the list of participants' own
/// style, the one `msp export-roster --format html` writes inline.
struct StaticController {
    let files: [String: String]

    init() {
        var files = StaticFiles.all
        files["roster.css"] = RosterHTML.styleSheet
        self.files = files
    }

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/static/{name}", use: file)
    }

    @Sendable func file(_ request: Request, context: PortalContext) async throws -> Response {
        guard let name = context.parameters.get("name"), let text = files[name], name.hasSuffix(".css") else {
            throw PortalError.notFound
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
