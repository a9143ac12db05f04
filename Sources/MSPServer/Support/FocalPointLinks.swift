import Hummingbird
import MSPApplication

extension DeskRunner {
    /// What a focal point's link opens, for the focal-point pages: the desk's `openFocalPoint(token:from:)`, from the
    /// request's client address (`PortalContext.clientAddress`: the peer, or nginx's `X-Real-IP`). A link that does
    /// not work throws the desk's `.notFound` (404 page), and an address held back after too many such links throws
    /// `.throttled` (429 page), whatever the token; `ErrorPageMiddleware` turns both into their pages.
    func openFocalPoint(token: String, request: Request, context: PortalContext) async throws -> FocalPointAccess {
        let address = context.clientAddress(request)
        return try await run { try $0.openFocalPoint(token: token, from: address) }
    }
}
