import Hummingbird
import MSPDocuments
import MSPDomain

/// A meeting's pages for the secretariat (every signed-in user, viewer or secretariat, may read them):
/// `GET /meetings/{code}/participants`, the list of participants as `msp export-roster --format html` renders it,
/// and `GET /meetings/{code}/late-notes`, the notes received after the deadline with their decisions.
struct MeetingsController {
    let desk: DeskRunner
    let templates: Templates

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("{code}/participants", use: participants)
        group.get("{code}/late-notes", use: lateNotes)
    }

    struct ParticipantsModel {
        var signedIn: SignedInView?
        var pageTitle: String
        /// Built by `HTMLWriter`, which escapes every name: the one value a template shows unescaped.
        var document: String
    }

    @Sendable func participants(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let user = context.signedIn?.name
        let (meeting, roster) = try await desk.run(as: user) { try $0.roster(meeting: code) }
        return try templates.page(
            "participants",
            ParticipantsModel(
                signedIn: SignedInView(context.sessions.session), pageTitle: RosterHTML.title(meeting),
                document: RosterHTML.body(roster, meeting: meeting).markup))
    }

    struct LateNoteView {
        var number: Int64
        var received: String
        var lateBy: String
        var delegation: String
        var category: String
        var kind: String
        var reference: String
        var channel: String
        var decision: String
        var status: String

        init(_ note: LateNote, zone: VenueTimeZone) {
            number = note.number
            received = zone.format(note.received) + (note.receivedPrecision == .date ? " (date only)" : "")
            lateBy = note.lateness.description
            delegation = note.delegation
            category = note.category.title
            kind = note.kind.rawValue
            reference = note.reference ?? ""
            channel = note.channel?.rawValue ?? ""
            decision =
                note.decision.map { $0.summary(in: zone) }
                ?? "pending"
            status = note.decision == nil ? "pending" : "decided"
        }
    }

    struct LateNotesModel {
        var signedIn: SignedInView?
        var code: String
        var path: String
        var title: String
        var deadline: String
        var notes: [LateNoteView]
        // Stored, not computed: Mustache sees stored properties only.
        var count: Int
        var pending: Int
        var hasNotes: Bool

        init(signedIn: SignedInView?, meeting: Meeting, notes: [LateNote]) {
            self.signedIn = signedIn
            code = meeting.code
            path = LoginTarget.encode(meeting.code)
            title = meeting.title
            deadline = PortalText.deadline(meeting)
            self.notes = notes.map { LateNoteView($0, zone: meeting.timeZone) }
            count = notes.count
            pending = notes.filter { $0.decision == nil }.count
            hasNotes = !notes.isEmpty
        }
    }

    @Sendable func lateNotes(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let user = context.signedIn?.name
        let (meeting, notes) = try await desk.run(as: user) { try $0.lateNotes(meeting: code) }
        return try templates.page(
            "late-notes",
            LateNotesModel(signedIn: SignedInView(context.sessions.session), meeting: meeting, notes: notes))
    }
}
