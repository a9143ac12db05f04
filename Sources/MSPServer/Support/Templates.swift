import HTTPTypes
import Hummingbird
import Mustache

/// The portal's Mustache templates (`portal/templates`, embedded in the binary at build time). Mustache escapes
/// every `{{value}}` as HTML; the one `{{{triple}}}` (the list of participants) is markup already escaped by
/// `HTMLWriter`.
struct Templates: Sendable {
    let library: MustacheLibrary

    static let folder = "portal/templates/"

    init() throws {
        var library = MustacheLibrary()
        for (path, text) in EmbeddedResources.files where path.hasPrefix(Self.folder) && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst(Self.folder.count).dropLast(".mustache".count))
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// A page, as a response with `status`.
    func page(_ name: String, _ model: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = library.render(model, withTemplate: name) else {
            throw TemplateMissing(name: name)
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    struct TemplateMissing: Error {
        var name: String
    }
}

/// What the layout shows of who is signed in, with the token of its sign-out form.
struct SignedInView {
    var name: String
    var role: String
    var csrfToken: String

    init?(_ session: PortalSession?) {
        guard let session, let user = session.user else { return nil }
        name = user.name
        role = user.role
        csrfToken = session.csrfToken
    }
}

/// The static files (`portal/static`, embedded), served by `StaticController`.
enum StaticFiles {
    static let folder = "portal/static/"

    static var all: [String: String] {
        var files: [String: String] = [:]
        for (path, text) in EmbeddedResources.files where path.hasPrefix(folder) {
            files[String(path.dropFirst(folder.count))] = text
        }
        return files
    }
}
