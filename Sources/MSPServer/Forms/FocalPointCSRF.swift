import Crypto
import Foundation
import Hummingbird
import MSPApplication
import MSPDomain

/// The CSRF token of a focal point's forms. A focal point has no session: the token is tied to their link instead,
/// an HMAC-SHA256 of the link's token under a key the server draws at start (so a restart expires open forms, as it
/// ends sessions). `CSRFMiddleware` asks it to check every POST to a link's form (`/focal-point/TOKEN/...`), whose
/// body is multipart (it carries the PDF): the token must be in the form's `csrf_token` field, compared in constant
/// time, or the form is refused (403) before any controller sees it.
struct FocalPointCSRF: Sendable {
    /// The largest body a link's form may send: the PDF's limit and room for the fields.
    static let maxBodyBytes = NoteDocument.maxBytes + 512 * 1024

    /// The key's 256 bits (kept as bytes: `SymmetricKey` is not `Sendable`).
    let key: [UInt8]

    init(key: SymmetricKey = SymmetricKey(size: .bits256)) {
        self.key = key.withUnsafeBytes { Array($0) }
    }

    /// The form token for the link `token`, in hexadecimal.
    func formToken(for token: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("msp focal-point form\u{0}\(token)".utf8), using: SymmetricKey(data: key))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The link token in the path of a link's form (`/focal-point/TOKEN/submissions`), nil for any other path.
    static func linkToken(inFormPath path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count == 4, components[0].isEmpty, components[1] == "focal-point",
            components[3] == "submissions", FocalPointToken.isWellFormed(String(components[2]))
        else { return nil }
        return String(components[2])
    }

    /// Reads the body (up to `maxBodyBytes`, else 413) as the link's multipart form, checks its token, and returns
    /// the form (for the controller: a body of up to 10 MB is parsed once).
    @discardableResult
    func check(_ request: inout Request, token: String) async throws -> MultipartForm {
        let form = try await Self.form(&request)
        guard let sent = form.value("csrf_token"), Secrets.equal(sent, formToken(for: token)) else {
            throw PortalError.forbiddenForm
        }
        return form
    }

    /// The request's body as a multipart form: collected (so a later reader gets it again), refused with 400 when it
    /// is not multipart or does not parse, 413 when larger than `maxBodyBytes`.
    static func form(_ request: inout Request) async throws -> MultipartForm {
        guard let contentType = request.headers[.contentType],
            let boundary = MultipartForm.boundary(contentType: contentType)
        else {
            throw PortalError(.badRequest, "The form could not be read: it must be sent as a web form with its file.")
        }
        let body = try await request.collectBody(upTo: maxBodyBytes)
        do {
            return try MultipartForm(bytes: Array(buffer: body), boundary: boundary)
        } catch {
            throw PortalError(.badRequest, "The form could not be read. Go back, reload the page and try again.")
        }
    }
}
