import Foundation
import HTTPTypes
import Hummingbird
import MSPApplication
import MSPDomain

/// The secretariat's side of focal points' submissions, behind sign-in: `GET /meetings/{code}/submissions` (the
/// queue, oldest first, late ones marked with how late; then those decided), `GET .../submissions/{id}` (the
/// transcription beside the note verbale shown inline), `GET .../submissions/{id}/pdf` (the PDF itself, inline, framed
/// by this site only), and `POST .../accept` and `POST .../return` (a reason required), which only `secretariat`
/// accounts may send: a `viewer` reads.
struct SubmissionsController {
    let desk: DeskRunner
    let templates: Templates

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("{code}/submissions", use: queue)
        group.get("{code}/submissions/{id}", use: show)
        group.get("{code}/submissions/{id}/pdf", use: pdf)
        group.post("{code}/submissions/{id}/accept", use: accept)
        group.post("{code}/submissions/{id}/return", use: giveBack)
    }

    /// The page showing a submission frames its PDF, from this site only.
    static let framingPolicy = SecurityHeadersMiddleware<PortalContext>.contentSecurityPolicy + "; frame-src 'self'"
    /// The PDF: nothing but itself (a PDF viewer is a plugin: `object-src 'self'`), framed by this site only.
    static let pdfPolicy = [
        "default-src 'none'", "object-src 'self'", "frame-ancestors 'self'", "base-uri 'none'", "form-action 'none'",
    ].joined(separator: "; ")

    struct RowView {
        var id: Int64
        var path: String
        var received: String
        var timing: String
        var late: Bool
        var delegation: String
        var kind: String
        var isWithdrawal: Bool
        var reference: String
        var participants: Int
        var status: String
        var decision: String

        init(_ submission: FocalPointSubmission, code: String) {
            let zone = submission.meeting.timeZone
            id = submission.id
            path = "/meetings/\(LoginTarget.encode(code))/submissions/\(submission.id)"
            received = zone.format(submission.received)
            late = submission.lateness.isLate
            timing = submission.lateness.timing
            delegation = submission.delegation
            kind = submission.kind.rawValue
            isWithdrawal = submission.kind == .withdrawal
            reference = submission.reference ?? ""
            participants = submission.participants.count
            status = submission.status.rawValue
            decision = submission.standing(namingWhoDecided: true) + (submission.reason.map { ": \($0)" } ?? "")
        }
    }

    struct QueueModel {
        var signedIn: SignedInView?
        var code: String
        var path: String
        var title: String
        var deadline: String
        var pending: [RowView]
        var decided: [RowView]
        var pendingCount: Int
        var lateCount: Int
        var hasPending: Bool
        var hasDecided: Bool
        /// "101 to 200 of 5000": which pending submissions this page shows; the pages before and after.
        var shown: String?
        var nextPath: String?
        var previousPath: String?
        /// Said when more were decided than the page shows.
        var decidedShown: String?
    }

    /// How many pending and decided submissions a page of the queue shows.
    static let pageSize = 100

    @Sendable func queue(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let from = request.uri.queryParameters.get("from").flatMap { Int($0) }.map { max(0, $0) } ?? 0
        let queue = try await desk.run(as: context.signedIn?.name) {
            try $0.submissionQueue(meeting: code, from: from, pageSize: Self.pageSize)
        }
        let meeting = queue.meeting
        let pending = queue.pending.map { RowView($0, code: meeting.code) }
        let path = "/meetings/\(LoginTarget.encode(meeting.code))/submissions"
        let next = queue.from + pending.count < queue.pendingCount ? queue.from + Self.pageSize : nil
        let previous = queue.from > 0 ? max(0, queue.from - Self.pageSize) : nil
        return try templates.page(
            "submissions",
            QueueModel(
                signedIn: SignedInView(context.sessions.session), code: meeting.code,
                path: LoginTarget.encode(meeting.code), title: meeting.title, deadline: meeting.deadlineDescription,
                pending: pending, decided: queue.decided.map { RowView($0, code: meeting.code) },
                pendingCount: queue.pendingCount, lateCount: queue.lateCount, hasPending: !pending.isEmpty,
                hasDecided: !queue.decided.isEmpty,
                // Said only when the queue is longer than a page.
                shown: pending.isEmpty || queue.pendingCount <= pending.count
                    ? nil : "\(queue.from + 1) to \(queue.from + pending.count) of \(queue.pendingCount)",
                nextPath: next.map { "\(path)?from=\($0)" }, previousPath: previous.map { "\(path)?from=\($0)" },
                decidedShown: queue.decidedCount > queue.decided.count
                    ? "the \(queue.decided.count) decided most recently, of \(queue.decidedCount)" : nil))
    }

    struct ParticipantView {
        var number: Int
        var role: String
        var title: String?
        var name: String
        var function: String?
        var gender: String?
        var email: String?
    }

    struct DetailModel {
        var signedIn: SignedInView?
        var code: String
        var path: String
        var queuePath: String
        var row: RowView
        var focalPoint: String
        var participants: [ParticipantView]
        var pdfSize: String
        var pdfSHA256: String
        var isPending: Bool
        var canDecide: Bool
        var csrfToken: String
        var reason: String
        var reasonError: String?
        var formError: String?
        var done: String?
    }

    func detail(
        _ submission: FocalPointSubmission, context: PortalContext, reason: String = "", reasonError: String? = nil,
        formError: String? = nil, done: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let code = submission.meeting.code
        let row = RowView(submission, code: code)
        let model = DetailModel(
            signedIn: SignedInView(context.sessions.session), code: code, path: row.path,
            queuePath: "/meetings/\(LoginTarget.encode(code))/submissions", row: row,
            focalPoint: submission.focalPointEmail,
            participants: submission.participants.enumerated().map { index, participant in
                ParticipantView(
                    number: index + 1, role: participant.role.rawValue, title: participant.title,
                    name: participant.name,
                    function: participant.function, gender: participant.gender?.rawValue, email: participant.email)
            },
            pdfSize: ByteCountFormatter.string(fromByteCount: Int64(submission.pdfSize), countStyle: .file),
            pdfSHA256: submission.pdfSHA256, isPending: submission.status == .pending,
            canDecide: submission.status == .pending && Self.mayDecide(context),
            csrfToken: context.sessions.session?.csrfToken ?? "", reason: reason, reasonError: reasonError,
            formError: formError, done: done)
        var response = try templates.page("submission", model, status: status)
        response.headers[.contentSecurityPolicy] = Self.framingPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }

    static func mayDecide(_ context: PortalContext) -> Bool {
        context.signedIn?.role == AccountRole.secretariat.rawValue
    }

    static func id(_ context: PortalContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id > 0 else { throw PortalError.notFound }
        return id
    }

    @Sendable func show(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let id = try Self.id(context)
        let (submission, _) = try await desk.run(as: context.signedIn?.name) {
            try $0.submission(id: id, meeting: code)
        }
        let done = request.uri.queryParameters.get("done").flatMap { done in
            [
                "accepted": "Submission \(submission.id) \(submission.standing(namingWhoDecided: true)).",
                "returned":
                    "Submission \(submission.id) \(submission.standing(namingWhoDecided: true)): the focal point sees the reason given.",
            ][String(done)]
        }
        return try detail(submission, context: context, done: done)
    }

    @Sendable func pdf(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let id = try Self.id(context)
        let (_, pdf) = try await desk.run(as: context.signedIn?.name) { try $0.submission(id: id, meeting: code) }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf",
                // A name of the server's making: the client's file name was never kept.
                .contentDisposition: "inline; filename=\"submission-\(id).pdf\"",
                .contentSecurityPolicy: Self.pdfPolicy,
                HTTPField.Name("X-Frame-Options")!: "SAMEORIGIN",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
    }

    struct ReasonForm: Decodable {
        var reason: String?
    }

    @Sendable func accept(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let id = try Self.id(context)
        guard Self.mayDecide(context) else { throw Self.viewerRefused }
        do {
            let (submission, _) = try await desk.run(as: context.signedIn?.name) {
                try $0.acceptSubmission(id: id, meeting: code)
            }
            context.logger.info("submission \(id) accepted by \(context.signedIn?.name ?? "")")
            return .redirect(
                to: "/meetings/\(LoginTarget.encode(submission.meeting.code))/submissions/\(id)?done=accepted",
                type: .normal)
        } catch let error as InputError where error.reason == .conflict || error.reason == .invalid {
            let (submission, _) = try await desk.run { try $0.submission(id: id, meeting: code) }
            return try detail(
                submission, context: context, formError: FocalPointController.sentence(error.message),
                status: error.reason == .conflict ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func giveBack(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let id = try Self.id(context)
        guard Self.mayDecide(context) else { throw Self.viewerRefused }
        let reason = (try await request.decode(as: ReasonForm.self, context: context)).reason ?? ""
        do {
            let submission = try await desk.run(as: context.signedIn?.name) {
                try $0.returnSubmission(id: id, reason: reason, meeting: code)
            }
            context.logger.info("submission \(id) returned by \(context.signedIn?.name ?? "")")
            return .redirect(
                to: "/meetings/\(LoginTarget.encode(submission.meeting.code))/submissions/\(id)?done=returned",
                type: .normal)
        } catch let error as InputError where error.reason == .conflict || error.reason == .invalid {
            let (submission, _) = try await desk.run { try $0.submission(id: id, meeting: code) }
            let message = FocalPointController.sentence(error.message)
            return try detail(
                submission, context: context, reason: reason,
                reasonError: error.field == .reason ? message : nil,
                formError: error.field == .reason ? nil : message,
                status: error.reason == .conflict ? .conflict : .unprocessableContent)
        }
    }

    static let viewerRefused = PortalError(
        .forbidden, "Only a secretariat account may accept or return a submission; a viewer account reads.")
}
