import Hummingbird
import MSPDomain

/// `GET /`: the start page. Signed in, the meetings of the database with links to their pages; otherwise a
/// pointer to the sign-in page.
struct HomeController {
    let desk: DeskRunner
    let templates: Templates

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/", use: home)
    }

    struct MeetingView {
        var code: String
        var path: String
        var title: String
        var dates: String
        var deadline: String
    }

    struct Model {
        var signedIn: SignedInView?
        var meetings: [MeetingView]
        /// Stored, not computed: Mustache sees stored properties only.
        var hasMeetings: Bool

        init(signedIn: SignedInView?, meetings: [MeetingView]) {
            self.signedIn = signedIn
            self.meetings = meetings
            hasMeetings = !meetings.isEmpty
        }
    }

    @Sendable func home(_ request: Request, context: PortalContext) async throws -> Response {
        var meetings: [MeetingView] = []
        if let user = context.signedIn, try await SignInRequiredMiddleware.isActive(user, desk: desk) {
            meetings = try await desk.run { desk in
                try desk.meetings().map { stored in
                    let meeting = stored.meeting
                    return MeetingView(
                        code: meeting.code, path: LoginTarget.encode(meeting.code), title: meeting.title,
                        dates: meeting.datesDescription, deadline: meeting.deadlineDescription)
                }
            }
        }
        return try templates.page(
            "home", Model(signedIn: SignedInView(context.sessions.session), meetings: meetings))
    }
}
