import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import MSPApplication
import MSPMail
import ServiceLifecycle

/// The web portal: a Hummingbird application over the registration desk.
///
/// One router and one request context (`PortalContext`); routes grouped by controller, one file each
/// (`Controllers/`); the cross-cutting concerns as middleware, outermost first: security headers on every
/// response, error pages, sessions, the CSRF check of every form. Every read and write goes through the
/// `RegistrationDesk`, over the server's one database (a pool of readers beside one writer).
package enum Portal {
    /// The router with every route and middleware, for `application` and for tests.
    static func router(desk: RegistrationDesk, configuration: PortalConfiguration) throws -> Router<PortalContext> {
        let templates = try Templates()
        let runner = DeskRunner(desk: desk)
        let router = Router(context: PortalContext.self)
        // Middleware applies to the routes added after it, and to the not-found answer.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware(templates: templates))
        router.add(
            middleware: SessionMiddleware(
                storage: DatabasePersistDriver(desk: runner, fallbackLifetime: configuration.sessionLifetime),
                configuration: .init(
                    sessionCookieParameters: .init(
                        name: "msp_session", path: "/", secure: configuration.secureCookies, sameSite: .strict),
                    keyPrefix: "session.", defaultSessionExpiration: configuration.sessionLifetime)))
        // Focal points' forms carry a token tied to their link (no session), made and checked with one key.
        let links = FocalPointCSRF()
        router.add(middleware: CSRFMiddleware(links: links))

        HealthController(desk: runner).addRoutes(to: router)
        StaticController().addRoutes(to: router)
        HomeController(desk: runner, templates: templates).addRoutes(to: router)
        SessionController(desk: runner, templates: templates, configuration: configuration).addRoutes(to: router)
        FocalPointController(desk: runner, templates: templates, links: links).addRoutes(to: router)
        let meetings = router.group("meetings").add(middleware: SignInRequiredMiddleware(desk: runner))
        MeetingsController(desk: runner, templates: templates).addRoutes(to: meetings)
        SubmissionsController(desk: runner, templates: templates).addRoutes(to: meetings)
        DelegationsController(desk: runner, templates: templates).addRoutes(to: meetings)
        DecisionsController(desk: runner, templates: templates).addRoutes(to: meetings)
        return router
    }

    /// The application, listening where `configuration` says; `onListening` gets the port (0 picks one).
    package static func application(
        desk: RegistrationDesk, configuration: PortalConfiguration, logger: Logger = Portal.logger(),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(
            router: try router(desk: desk, configuration: configuration),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "msp"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    package static func logger() -> Logger {
        var logger = Logger(label: "msp.serve")
        logger.logLevel = .info
        return logger
    }

    /// Opens the database at `databasePath` (one `Store` for the whole process), deletes the sessions that expired
    /// while it was stopped, serves until SIGTERM or SIGINT, lets the requests under way finish, and closes the
    /// database. Sessions are kept in the database: whoever was signed in before a restart still is.
    ///
    /// With `mail`, the outbox's e-mails are sent beside the HTTP application (`MailService`, in the same
    /// `ServiceGroup`): a pass every `mailInterval`, each message sent or failed told to `mailReport`.
    package static func serve(
        databasePath: String, configuration: PortalConfiguration, mail: (any MailSender)? = nil,
        mailInterval: Duration = .seconds(2), mailReport: @escaping @Sendable (String) -> Void = { _ in },
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        // A pool: the secretariat's pages and the focal points' reads go to readers beside the one writer, and never
        // wait behind the rush of submissions (a restored backup is switched to WAL for the service first).
        let desk = try RegistrationDesk.open(path: databasePath, for: .service, user: "portal")
        defer { desk.close() }
        try desk.removeExpiredSessions()
        let logger = Portal.logger()
        let app = try application(
            desk: desk, configuration: configuration, logger: logger,
            onListening: onListening)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: app)]
        if let mail {
            // Last in the group, so stopped first: the pass under way ends, then the HTTP server stops.
            services.append(
                .init(
                    service: MailService(desk: desk, sender: mail, interval: mailInterval, report: mailReport),
                    successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
