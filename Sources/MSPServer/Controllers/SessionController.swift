import Foundation
import HTTPTypes
import Hummingbird
import MSPApplication
import MSPDomain

/// Signing in and out. `GET /login` shows the form (no JavaScript; the session's CSRF token in a hidden field,
/// checked by `CSRFMiddleware` on every POST); `POST /login` checks the name and password at the desk, which
/// counts failures and holds back a name or an address after too many; success starts a new session (a new
/// cookie: HttpOnly, SameSite=Strict, Secure behind TLS) and goes where the person was going; failure shows the
/// form again with the problem at its field (401, 422, or 429 when held back). `POST /logout` ends the session.
struct SessionController {
    let desk: DeskRunner
    let templates: Templates
    let configuration: PortalConfiguration

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/login", use: form)
        router.post("/login", use: signIn)
        router.post("/logout", use: signOut)
    }

    struct FormModel {
        var signedIn: SignedInView?
        var csrfToken: String
        var name: String
        var next: String
        var formError: String?
        var nameError: String?
        var passwordError: String?
    }

    struct LoginForm: Decodable {
        var name: String?
        var password: String?
        var next: String?
    }

    @Sendable func form(_ request: Request, context: PortalContext) async throws -> Response {
        let session = context.ensureSession(lifetime: configuration.sessionLifetime)
        let next = LoginTarget.safe(request.uri.queryParameters.get("next"))
        return try templates.page(
            "login",
            FormModel(
                signedIn: SignedInView(session), csrfToken: session.csrfToken, name: "", next: next,
                formError: session.user.map { "You are signed in as \($0.name); signing in again replaces it." }))
    }

    @Sendable func signIn(_ request: Request, context: PortalContext) async throws -> Response {
        let form = try await request.decode(as: LoginForm.self, context: context)
        let name = form.name?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form.password ?? ""
        let next = LoginTarget.safe(form.next)
        // The session exists: CSRFMiddleware let the form through only with its token.
        let session = context.ensureSession(lifetime: configuration.sessionLifetime)
        func again(_ status: HTTPResponse.Status, name nameError: String? = nil, password passwordError: String? = nil)
            throws -> Response
        {
            try templates.page(
                "login",
                FormModel(
                    signedIn: SignedInView(session), csrfToken: session.csrfToken, name: name, next: next,
                    nameError: nameError, passwordError: passwordError), status: status)
        }
        guard !name.isEmpty else { return try again(.unprocessableContent, name: "Enter your account name.") }
        guard !password.isEmpty else { return try again(.unprocessableContent, password: "Enter your password.") }
        let address = context.clientAddress(request)
        let account: Account?
        do {
            account = try await desk.run { try $0.signIn(name: name, password: password, from: address) }
        } catch let error as InputError where error.reason == .throttled {
            return try again(.tooManyRequests, password: "Too many failed sign-ins: \(error.message).")
        }
        guard let account else {
            // Which of the two was wrong is not said.
            return try again(.unauthorized, password: "The name or the password is not right.")
        }
        // A new session, with a new id and a new token: whatever id the browser had before is not the signed-in one.
        context.sessions.createSession(
            PortalSession(user: SignedInUser(name: account.name, role: account.role.rawValue)),
            expiresIn: configuration.sessionLifetime)
        context.logger.info("signed in: \(account.name) (\(account.role.rawValue)) from \(address)")
        return .redirect(to: next, type: .normal)
    }

    @Sendable func signOut(_ request: Request, context: PortalContext) async throws -> Response {
        if let user = context.signedIn { context.logger.info("signed out: \(user.name)") }
        context.sessions.clearSession()
        return .redirect(to: "/", type: .normal)
    }
}
