import HTTPTypes
import Hummingbird
import MSPDomain

/// A refusal the portal explains to the person: a status and one sentence, shown on the error page.
struct PortalError: Error {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static let notFound = PortalError(.notFound, "There is no page at this address.")
    static let serverError = PortalError(
        .internalServerError, "Something went wrong on the server. It has been logged; please try again later.")
    static let forbiddenForm = PortalError(
        .forbidden, "This form has expired or did not come from this site. Go back, reload the page and try again.")

    /// What the person sees for any error: the desk's refusals with their message and the status their reason
    /// means; HTTP errors with their status; anything else as a server error, with nothing of its internals.
    static func from(_ error: any Error) -> (PortalError, internal: Bool) {
        switch error {
        case let error as PortalError:
            return (error, false)
        case let error as InputError:
            let status: HTTPResponse.Status =
                switch error.reason {
                case .invalid: .unprocessableContent
                case .notFound: .notFound
                case .conflict: .conflict
                case .throttled: .tooManyRequests
                }
            return (PortalError(status, error.message), false)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return (.notFound, false)
            case .methodNotAllowed:
                return (PortalError(.methodNotAllowed, "This address does not take that kind of request."), false)
            case .contentTooLarge: return (PortalError(.contentTooLarge, "What was sent is too large."), false)
            case let status where status.code < 500:
                return (PortalError(status, "The request could not be handled."), false)
            default:
                return (.serverError, true)
            }
        default:
            return (.serverError, true)
        }
    }
}
