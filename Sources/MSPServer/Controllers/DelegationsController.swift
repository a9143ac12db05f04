import Hummingbird
import MSPApplication
import MSPDomain

/// The delegations of a meeting, for every signed-in user: `GET /meetings/{code}/delegations`, each delegation that
/// sent a note or has had a focal point, with its standing and its focal point; and
/// `GET /meetings/{code}/history?delegation=NAME`, one delegation's history as `msp history` gives it (notes, what the
/// secretariat did to them, credentials, focal points' links and submissions, each with who and when).
struct DelegationsController {
    let desk: DeskRunner
    let templates: Templates

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("{code}/delegations", use: delegations)
        group.get("{code}/history", use: history)
    }

    /// A delegation's row: `DelegationLine`, as `msp delegations` prints it, with the link to its history and its
    /// focal point.
    struct DelegationView {
        var line: DelegationLine
        var historyPath: String
        var focalPoint: String
    }

    struct DelegationsModel {
        var signedIn: SignedInView?
        var meeting: MeetingsController.MeetingHeader
        var headings = DelegationLine.headings
        var delegations: [DelegationView]
        var count: Int
        var withFocalPoint: Int
        var hasDelegations: Bool
    }

    static func historyPath(code: String, delegation: String) -> String {
        "/meetings/\(LoginTarget.encode(code))/history?delegation=\(LoginTarget.encode(delegation))"
    }

    @Sendable func delegations(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (meeting, overviews, focalPoints) = try await desk.run(as: context.signedIn?.name) { desk in
            try desk.together {
                let (meeting, overviews) = try desk.delegations(meeting: code)
                return (meeting, overviews, try desk.focalPoints(meeting: code).focalPoints)
            }
        }
        var links: [String: FocalPoint] = [:]
        for focalPoint in focalPoints { links[focalPoint.delegation] = focalPoint }
        func focalPoint(_ name: String) -> String {
            guard let link = links[name] else { return "none" }
            return link.status == .active ? link.email : "\(link.email) (link revoked)"
        }
        var views = overviews.map { overview in
            DelegationView(
                line: DelegationLine(overview, zone: meeting.timeZone),
                historyPath: Self.historyPath(code: meeting.code, delegation: overview.name),
                focalPoint: focalPoint(overview.name))
        }
        // Delegations that have a focal point but sent no note yet: the ones to remind.
        let registered = Set(overviews.map(\.name))
        for link in focalPoints where !registered.contains(link.delegation) {
            views.append(
                DelegationView(
                    line: DelegationLine(notRegisteredYet: link.delegation),
                    historyPath: Self.historyPath(code: meeting.code, delegation: link.delegation),
                    focalPoint: focalPoint(link.delegation)))
        }
        return try templates.page(
            "delegations",
            DelegationsModel(
                signedIn: SignedInView(context.sessions.session), meeting: .init(meeting), delegations: views,
                count: views.count, withFocalPoint: views.filter { $0.focalPoint != "none" }.count,
                hasDelegations: !views.isEmpty))
    }

    struct HistoryModel {
        var signedIn: SignedInView?
        var meeting: MeetingsController.MeetingHeader
        var delegation: String
        /// The columns' headings and the lines: `HistoryLine`, as `msp history` prints them.
        var headings: [String]
        var entries: [HistoryLine]
        var hasEntries: Bool
    }

    @Sendable func history(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let delegation = request.uri.queryParameters.get("delegation"), !delegation.isEmpty else {
            throw PortalError.notFound
        }
        let (meeting, name, entries) = try await desk.run(as: context.signedIn?.name) {
            try $0.history(delegation: String(delegation), meeting: code)
        }
        let lines = entries.map { HistoryLine($0, zone: meeting.timeZone) }
        return try templates.page(
            "history",
            HistoryModel(
                signedIn: SignedInView(context.sessions.session), meeting: .init(meeting), delegation: name,
                headings: HistoryLine.headings, entries: lines, hasEntries: !lines.isEmpty))
    }
}
