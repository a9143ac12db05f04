import HTTPTypes
import Hummingbird
import MSPApplication
import MSPDomain

/// The secretariat's decisions on late notes, from the late-notes page: `POST /meetings/{code}/late-notes/{note}`
/// with `outcome` (`accepted` or `declined`) and a `reason` (required, as `msp accept` requires it). Only a
/// `secretariat` account may decide; a `viewer` gets 403. A refusal is shown at the note's row (422, or 409), the
/// decision as `msp accept` and `msp decline` record it (who, when, why), and the page again.
struct DecisionsController {
    let desk: DeskRunner
    let templates: Templates

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.post("{code}/late-notes/{note}", use: decide)
    }

    struct DecisionForm: Decodable {
        var outcome: String?
        var reason: String?
    }

    @Sendable func decide(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let note = context.parameters.get("note").flatMap({ Int64($0) }), note > 0 else {
            throw PortalError.notFound
        }
        guard SubmissionsController.mayDecide(context) else {
            throw PortalError(
                .forbidden, "Only a secretariat account may decide on a late note; a viewer account reads.")
        }
        let form = try await request.decode(as: DecisionForm.self, context: context)
        guard let outcome = form.outcome.flatMap(Decision.init(rawValue:)) else {
            throw PortalError(.unprocessableContent, "Choose to accept or to decline the note.")
        }
        let reason = form.reason ?? ""
        do {
            let recorded = try await desk.run(as: context.signedIn?.name) {
                try $0.decide(DecisionRequest(note: note, outcome: outcome, reason: reason), meeting: code)
            }
            context.logger.info("late note \(note) \(outcome.rawValue) by \(context.signedIn?.name ?? "")")
            return .redirect(
                to: "/meetings/\(LoginTarget.encode(recorded.meeting.code))/late-notes?decided=\(note)#note-\(note)",
                type: .normal)
        } catch let error as InputError where error.reason == .invalid || error.reason == .conflict {
            let (meeting, notes) = try await desk.run { try $0.lateNotes(meeting: code) }
            var model = MeetingsController.LateNotesModel(
                signedIn: SignedInView(context.sessions.session), meeting: meeting, notes: notes,
                mayDecide: true)
            model.fail(note: note, reason: reason, message: FocalPointController.sentence(error.message))
            return try templates.page(
                "late-notes", model, status: error.reason == .conflict ? .conflict : .unprocessableContent)
        }
    }
}
