import Foundation
import HTTPTypes
import Hummingbird
import MSPApplication
import MSPDomain

/// A focal point's pages, reached through their personal link and nothing else (no session, no sign-in):
/// `GET /focal-point/{token}`, the delegation's page for the meeting (the deadline in the venue's time with the time
/// left, the composition the list of participants counts now, the delegation's submissions with their status), with
/// the form to submit a note; `POST /focal-point/{token}/submissions`, that form (multipart: fixed rows of
/// participants, no JavaScript, and the PDF), whose CSRF token is tied to the link (`FocalPointCSRF`, checked by
/// `CSRFMiddleware`). A problem is shown at its field with 422 (409 for a reference recorded already); success sends
/// the browser back to the page, which says when it was received and whether it was late.
struct FocalPointController {
    let desk: DeskRunner
    let templates: Templates
    let links: FocalPointCSRF

    /// Participant rows the form shows unless the page asks for more (`?rows=`), and at most.
    static let defaultRows = 8
    static let maxRows = 60

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/focal-point/{token}", use: page)
        router.post("/focal-point/{token}/submissions", use: submit)
    }

    // MARK: - Models

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct RowView {
        var number: Int
        var roles: [Option]
        var title: String
        var name: String
        var function: String
        var genders: [Option]
        var email: String
        var roleError: String?
        var titleError: String?
        var nameError: String?
        var functionError: String?
        var genderError: String?
        var emailError: String?
        var hasError: Bool

        init(number: Int, entry: Submission.ParticipantEntry?, errors: [String: String] = [:]) {
            self.number = number
            let role = entry?.role ?? (number == 1 ? "head" : "")
            roles =
                [Option(value: "", label: "—", selected: role.isEmpty)]
                + Role.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == role) }
            title = entry?.title ?? ""
            name = entry?.name ?? ""
            function = entry?.function ?? ""
            let gender = entry?.gender ?? ""
            genders =
                [Option(value: "", label: "—", selected: gender.isEmpty)]
                + Gender.allCases.map {
                    Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == gender)
                }
            email = entry?.email ?? ""
            roleError = errors["role"]
            titleError = errors["title"]
            nameError = errors["name"]
            functionError = errors["function"]
            genderError = errors["gender"]
            emailError = errors["email"]
            hasError = !errors.isEmpty
        }
    }

    struct ParticipantView {
        var role: String
        var name: String
        var function: String?

        init(_ participant: Participant) {
            role = participant.role.rawValue
            name = participant.displayName
            function = participant.function
        }
    }

    struct SubmissionView {
        var id: Int64
        var kind: String
        var isWithdrawal: Bool
        var received: String
        var timing: String
        var late: Bool
        var reference: String
        var participants: [ParticipantView]
        var status: String
        var decided: String
        var reason: String?

        init(_ submission: FocalPointSubmission) {
            let zone = submission.meeting.timeZone
            id = submission.id
            kind = submission.kind.rawValue
            isWithdrawal = submission.kind == .withdrawal
            received = zone.format(submission.received)
            late = submission.lateness.isLate
            timing = submission.lateness.timing
            reference = submission.reference ?? "(no reference)"
            participants = submission.participants.map(ParticipantView.init)
            status = submission.status.rawValue
            decided = submission.standing()
            reason = submission.reason
        }
    }

    struct PageModel {
        var token: String
        var csrfToken: String
        var code: String
        var title: String
        var venue: String?
        var delegation: String
        var deadline: String
        var timeLeft: String
        var deadlinePassed: Bool
        var composition: [ParticipantView]
        var hasComposition: Bool
        var registration: String?
        var submissions: [SubmissionView]
        var hasSubmissions: Bool
        var received: SubmissionView?
        // The form.
        var rows: [RowView]
        var rowCount: Int
        var moreRows: Int?
        var reference: String
        var referenceError: String?
        var participantsError: String?
        var pdfError: String?
        var formError: String?
        var hasErrors: Bool
        // The withdrawal form, shown while the delegation is registered and not withdrawn.
        var canWithdraw: Bool
        var withdrawal: WithdrawalForm
    }

    /// What the withdrawal form shows: what was typed, and the problems at their fields.
    /// Its keys differ from the note form's: Mustache looks a key it does not find in a section up in the page.
    struct WithdrawalForm {
        var withdrawalReference = ""
        var withdrawalReferenceError: String?
        var withdrawalPDFError: String?
        var withdrawalError: String?
        var hasErrors: Bool { withdrawalReferenceError != nil || withdrawalPDFError != nil || withdrawalError != nil }
        // Stored for Mustache, which sees stored properties only.
        var failed = false
    }

    func model(
        _ overview: FocalPointOverview, token: String, rowCount: Int, received: Int64? = nil,
        entries: [Submission.ParticipantEntry] = [], rowErrors: [Int: [String: String]] = [:], reference: String = "",
        referenceError: String? = nil, participantsError: String? = nil, pdfError: String? = nil,
        formError: String? = nil, withdrawal: WithdrawalForm = WithdrawalForm()
    ) -> PageModel {
        var withdrawal = withdrawal
        withdrawal.failed = withdrawal.hasErrors
        let meeting = overview.access.meeting
        // The deadline's own rule (an exact deadline is met at its very second), not a comparison of its own.
        let passed = meeting.deadline.isLate(overview.now)
        let left = meeting.deadline.firstLateSecond.secondsSinceEpoch - overview.now.secondsSinceEpoch
        let submissions = overview.submissions.map(SubmissionView.init)
        return PageModel(
            token: token, csrfToken: links.formToken(for: token), code: meeting.code, title: meeting.title,
            venue: meeting.venue, delegation: overview.access.delegation,
            deadline: meeting.deadlineDescription,
            timeLeft: !passed
                ? "\(Deadline.describe(seconds: left)) left"
                : "The deadline has passed: a note submitted now is received late, and the secretariat decides on it.",
            deadlinePassed: passed,
            composition: overview.composition.map(ParticipantView.init),
            hasComposition: !overview.composition.isEmpty,
            registration: overview.withdrawn
                ? "\(overview.access.delegation) is withdrawn from \(meeting.code)."
                : (overview.registered
                    ? nil : "\(overview.access.delegation) has no registration for \(meeting.code) yet."),
            submissions: submissions, hasSubmissions: !submissions.isEmpty,
            received: received.flatMap { id in submissions.first { $0.id == id } },
            rows: (0..<rowCount).map {
                RowView(number: $0 + 1, entry: $0 < entries.count ? entries[$0] : nil, errors: rowErrors[$0] ?? [:])
            },
            rowCount: rowCount, moreRows: rowCount < Self.maxRows ? min(rowCount * 2, Self.maxRows) : nil,
            reference: reference, referenceError: referenceError, participantsError: participantsError,
            pdfError: pdfError, formError: formError,
            hasErrors: referenceError != nil || participantsError != nil || pdfError != nil || formError != nil
                || !rowErrors.isEmpty,
            canWithdraw: overview.registered && !overview.withdrawn, withdrawal: withdrawal)
    }

    static func rows(_ raw: String?) -> Int {
        guard let raw, let rows = Int(raw) else { return defaultRows }
        return min(max(rows, defaultRows), maxRows)
    }

    /// No copy of a link's page is kept by the browser or a proxy.
    static func unstored(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }

    // MARK: - Routes

    @Sendable func page(_ request: Request, context: PortalContext) async throws -> Response {
        let token = try context.parameters.require("token")
        // Links that do not work are counted per address, and an address past the limit is held back (429).
        _ = try await desk.openFocalPoint(token: token, request: request, context: context)
        let overview = try await desk.run { try $0.focalPointOverview(token: token) }
        let received = request.uri.queryParameters.get("received").flatMap { Int64($0) }
        return Self.unstored(
            try templates.page(
                "focal-point",
                model(
                    overview, token: token, rowCount: Self.rows(request.uri.queryParameters.get("rows")),
                    received: received)))
    }

    @Sendable func submit(_ request: Request, context: PortalContext) async throws -> Response {
        let token = try context.parameters.require("token")
        _ = try await desk.openFocalPoint(token: token, request: request, context: context)
        // CSRFMiddleware read and checked the form already: it is taken from the context, not parsed again (the
        // body is up to 10 MB). Without that middleware (a router built otherwise) the body is read here.
        var request = request
        let form: MultipartForm
        if let checked = context.focalPointForm {
            form = checked
        } else {
            form = try await FocalPointCSRF.form(&request)
        }
        if form.value("kind") == "withdrawal" {
            return try await withdraw(form, token: token, context: context)
        }
        let rowCount = Self.rows(form.value("rows"))
        var entries: [Submission.ParticipantEntry] = []
        for row in 0..<rowCount {
            func field(_ name: String) -> String? { form.value("participant-\(row + 1)-\(name)") }
            entries.append(
                .init(
                    role: field("role"), title: field("title"), name: field("name"), function: field("function"),
                    gender: field("gender"), email: field("email")))
        }
        // Rows left blank (a role alone, as the first row has, is blank) are not participants.
        let filled = entries.enumerated().filter { _, entry in
            [entry.title, entry.name, entry.function, entry.gender, entry.email].contains {
                !($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
        }
        let reference = form.value("reference") ?? ""
        let pdf = Data(form.file("pdf") ?? [])
        let submissionRequest = NoteSubmissionRequest(
            reference: reference, participants: filled.map(\.element), pdf: pdf)
        do {
            let submitted = try await desk.run { try $0.submit(token: token, request: submissionRequest) }
            context.logger.info(
                "submission \(submitted.id) received for \(submitted.delegation) at \(submitted.meeting.code)")
            return .redirect(to: "/focal-point/\(token)?received=\(submitted.id)", type: .normal)
        } catch let error as InputError where error.reason == .invalid || error.reason == .conflict {
            // A link that stopped working is refused by the error page, not here (.notFound).
            let overview = try await desk.run { try $0.focalPointOverview(token: token) }
            var rowErrors: [Int: [String: String]] = [:]
            var referenceError: String?
            var participantsError: String?
            var pdfError: String?
            var formError: String?
            let message = Self.sentence(error.message)
            if let index = error.field?.participantIndex, index < filled.count {
                rowErrors[filled[index].offset] = [error.field?.leaf ?? "name": message]
            } else {
                switch error.field?.root {
                case "reference": referenceError = message
                case "participants": participantsError = message
                case "pdf": pdfError = message
                default: formError = message
                }
            }
            if pdfError == nil && !pdf.isEmpty {
                formError = [formError, "Attach the PDF again: a browser does not keep a file between two pages."]
                    .compactMap { $0 }.joined(separator: " ")
            }
            let status: HTTPResponse.Status = error.reason == .conflict ? .conflict : .unprocessableContent
            return Self.unstored(
                try templates.page(
                    "focal-point",
                    model(
                        overview, token: token, rowCount: rowCount, entries: entries, rowErrors: rowErrors,
                        reference: reference, referenceError: referenceError, participantsError: participantsError,
                        pdfError: pdfError, formError: formError), status: status))
        }
    }

    /// The withdrawal form (the same address as the note's, `kind=withdrawal`): its reference and the note verbale as a
    /// PDF. A problem is shown at its field with 422 (409 when the delegation is withdrawn already, or the reference
    /// recorded already); success sends the browser back to the page, which says when it was received.
    func withdraw(_ form: MultipartForm, token: String, context: PortalContext) async throws -> Response {
        let reference = form.value("reference") ?? ""
        let pdf = Data(form.file("pdf") ?? [])
        do {
            let submitted = try await desk.run {
                try $0.submitWithdrawal(
                    token: token, request: WithdrawalSubmissionRequest(reference: reference, pdf: pdf))
            }
            context.logger.info(
                "withdrawal \(submitted.id) received for \(submitted.delegation) at \(submitted.meeting.code)")
            return .redirect(to: "/focal-point/\(token)?received=\(submitted.id)", type: .normal)
        } catch let error as InputError
            where error.reason == .invalid || error.reason == .conflict
            || (error.reason == .notFound && error.field == .delegation)
        {
            let overview = try await desk.run { try $0.focalPointOverview(token: token) }
            var withdrawal = WithdrawalForm(withdrawalReference: reference)
            let message = Self.sentence(error.message)
            switch error.field?.root {
            case "reference": withdrawal.withdrawalReferenceError = message
            case "pdf": withdrawal.withdrawalPDFError = message
            default: withdrawal.withdrawalError = message
            }
            let status: HTTPResponse.Status = error.reason == .invalid ? .unprocessableContent : .conflict
            return Self.unstored(
                try templates.page(
                    "focal-point",
                    model(overview, token: token, rowCount: Self.defaultRows, withdrawal: withdrawal),
                    status: status))
        }
    }

    /// A desk message as a sentence: capitalised, ending with a full stop.
    static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        let text = first.uppercased() + message.dropFirst()
        return text.hasSuffix(".") ? text : text + "."
    }
}
