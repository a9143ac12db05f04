import Hummingbird

/// `GET /healthz`: "ok" and the database's schema version, for a load balancer or a monitor. It reads the
/// database, so a server whose file has gone away does not answer "ok".
struct HealthController {
    let desk: DeskRunner

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/healthz", use: health)
    }

    @Sendable func health(_ request: Request, context: PortalContext) async throws -> Response {
        let version = try await desk.run { try $0.schemaVersion() }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: "ok\nschema \(version)\n")))
    }
}
