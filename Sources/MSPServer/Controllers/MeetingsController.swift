import Hummingbird
import MSPApplication
import MSPDocuments
import MSPDomain

/// A meeting's pages for the secretariat (every signed-in user, viewer or secretariat, may read them):
/// `GET /meetings/{code}`, the meeting with its figures and what awaits the secretariat;
/// `GET /meetings/{code}/participants`, the list of participants as `msp export-roster --format html` renders it,
/// and `.../participants.pdf`, as `--format pdf` prints it;
/// `GET /meetings/{code}/late-notes`, the notes received after the deadline with their decisions (decided by
/// `DecisionsController`); `GET /meetings/{code}/statistics`, the figures `msp stats` gives; and
/// `GET /meetings/{code}/credentials`, the credentials report.
struct MeetingsController {
    let desk: DeskRunner
    let templates: Templates

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("{code}", use: overview)
        group.get("{code}/participants", use: participants)
        group.get("{code}/participants.pdf", use: participantsPDF)
        group.get("{code}/late-notes", use: lateNotes)
        group.get("{code}/statistics", use: statistics)
        group.get("{code}/credentials", use: credentials)
    }

    /// What every page of a meeting shows at its top: its code, title and the links to its pages.
    struct MeetingHeader {
        var code: String
        var path: String
        var title: String
        var deadline: String

        init(_ meeting: Meeting) {
            code = meeting.code
            path = LoginTarget.encode(meeting.code)
            title = meeting.title
            deadline = meeting.deadlineDescription
        }
    }

    struct OverviewModel {
        var signedIn: SignedInView?
        var meeting: MeetingHeader
        var venue: String?
        var dates: String
        var timeZone: String
        var undecided: String
        var delegations: Int
        var participants: Int
        var statesParties: String
        var notes: Int
        var lateNotes: Int
        var latePending: Int
        var pendingSubmissions: Int
        var lateSubmissions: Int
    }

    @Sendable func overview(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        // One snapshot; the queue's counts from its index, not its rows.
        let (meeting, stats, queue) = try await desk.run(as: context.signedIn?.name) { desk in
            try desk.together {
                let (meeting, stats) = try desk.statistics(meeting: code)
                return (meeting, stats, try desk.submissionQueue(meeting: code, pageSize: 1))
            }
        }
        return try templates.page(
            "meeting",
            OverviewModel(
                signedIn: SignedInView(context.sessions.session), meeting: MeetingHeader(meeting),
                venue: meeting.venue, dates: meeting.datesDescription, timeZone: meeting.timeZone.identifier,
                undecided: meeting.undecidedLateNotes == .include
                    ? "count in the list of participants until declined" : "count only once accepted",
                delegations: stats.delegations, participants: stats.participants,
                statesParties: stats.statesPartiesDescription, notes: stats.notes, lateNotes: stats.lateNotes,
                latePending: stats.lateNotesByStatus[.pending] ?? 0, pendingSubmissions: queue.pendingCount,
                lateSubmissions: queue.lateCount))
    }

    struct CountView {
        var label: String
        var count: Int
        var share: String
        var max: Int
    }

    struct CategoryView {
        var title: String
        var delegations: Int
        var participants: Int
    }

    struct StatisticsModel {
        var signedIn: SignedInView?
        var meeting: MeetingHeader
        var opens: String
        var convention: String
        var categories: [CategoryView]
        var delegations: Int
        var participants: Int
        var statesPartiesRegistered: Int
        var statesPartiesTotal: Int
        var statesParties: String
        var genders: [CountView]
        var notes: Int
        var lateNotes: Int
        var lateByDecision: [CountView]
        var channels: [CountView]
    }

    @Sendable func statistics(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (meeting, stats) = try await desk.run(as: context.signedIn?.name) { try $0.statistics(meeting: code) }
        func counts(_ counts: [LabelledCount], of total: Int) -> [CountView] {
            counts.map {
                CountView(
                    label: $0.label, count: $0.count, share: MeetingStatistics.share($0.count, of: total),
                    max: Swift.max(total, 1))
            }
        }
        return try templates.page(
            "statistics",
            StatisticsModel(
                signedIn: SignedInView(context.sessions.session), meeting: MeetingHeader(meeting),
                opens: meeting.opens.longDescription, convention: meeting.convention,
                categories: Category.allCases.map {
                    CategoryView(
                        title: $0.title, delegations: stats.delegationsByCategory[$0] ?? 0,
                        participants: stats.participantsByCategory[$0] ?? 0)
                },
                delegations: stats.delegations, participants: stats.participants,
                statesPartiesRegistered: stats.statesPartiesRegistered,
                statesPartiesTotal: Swift.max(stats.statesPartiesTotal, 1),
                statesParties: stats.statesPartiesDescription,
                genders: counts(stats.genderCounts, of: stats.participants), notes: stats.notes,
                lateNotes: stats.lateNotes, lateByDecision: counts(stats.lateNoteDecisionCounts, of: stats.lateNotes),
                channels: counts(stats.channelCounts, of: stats.notes)))
    }

    struct CredentialsListView {
        var id: String
        var title: String
        var states: [String]
        var count: Int
        var hasStates: Bool
    }

    struct CredentialsModel {
        var signedIn: SignedInView?
        var meeting: MeetingHeader
        var statesParties: Int
        var lists: [CredentialsListView]
    }

    @Sendable func credentials(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (meeting, report) = try await desk.run(as: context.signedIn?.name) {
            try $0.credentialsReport(meeting: code)
        }
        let lists = report.sections.map { ($0.key, $0.title, $0.states) }
        return try templates.page(
            "credentials",
            CredentialsModel(
                signedIn: SignedInView(context.sessions.session), meeting: MeetingHeader(meeting),
                statesParties: report.statesPartiesCount,
                lists: lists.map { id, title, states in
                    CredentialsListView(
                        id: id, title: title, states: states, count: states.count, hasStates: !states.isEmpty)
                }))
    }

    struct ParticipantsModel {
        var signedIn: SignedInView?
        var meeting: MeetingHeader
        var pageTitle: String
        /// Built by `HTMLWriter`, which escapes every name: the one value a template shows unescaped.
        var document: String
    }

    @Sendable func participants(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let user = context.signedIn?.name
        let (meeting, roster, masthead) = try await desk.run(as: user) { desk in
            try desk.together {
                let (meeting, roster) = try desk.roster(meeting: code)
                return (meeting, roster, try desk.masthead(.participants, meeting: meeting.code).masthead)
            }
        }
        return try templates.page(
            "participants",
            ParticipantsModel(
                signedIn: SignedInView(context.sessions.session), meeting: MeetingHeader(meeting),
                pageTitle: RosterHTML.title(meeting, masthead: masthead),
                document: RosterHTML.body(roster, meeting: meeting, masthead: masthead).markup))
    }

    /// The list as a PDF to download, printed as `msp export-roster --format pdf` prints it (on the desk's thread:
    /// a COP-scale list takes seconds of CPU, which the threads serving requests must not spend).
    @Sendable func participantsPDF(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (meeting, pdf) = try await desk.run(as: context.signedIn?.name) { desk in
            let (meeting, roster, masthead) = try desk.together {
                let (meeting, roster) = try desk.roster(meeting: code)
                return (meeting, roster, try desk.masthead(.participants, meeting: meeting.code).masthead)
            }
            do {
                return (meeting, try RosterPDF.render(roster, meeting: meeting, masthead: masthead).bytes)
            } catch PrintError.unavailable(let message) {
                throw PortalError(.serviceUnavailable, "The PDF cannot be printed on this server: \(message).")
            }
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf",
                // A meeting's code is letters, digits, '-', '_' and '.' (`Meeting`): nothing to quote.
                .contentDisposition: "attachment; filename=\"\(meeting.code)-participants.pdf\"",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
    }

    /// A late note's row: `LateNoteLine`, as `msp list-late` prints it, with its decision form.
    struct LateNoteView {
        var number: Int64
        var line: LateNoteLine
        var decision: String
        var status: String
        // The decision form at the note's row, with what was typed and the problem when it was refused.
        var path = ""
        var typedReason = ""
        var problem: String?
        var justDecided = false

        init(_ note: LateNote, zone: VenueTimeZone) {
            number = note.number
            line = LateNoteLine(note, zone: zone)
            decision = line.decision
            status = line.isPending ? "pending" : "decided"
        }
    }

    struct LateNotesModel {
        var signedIn: SignedInView?
        var meeting: MeetingHeader
        var code: String
        var path: String
        var title: String
        var deadline: String
        /// The columns' headings: `LateNoteLine`'s, as `msp list-late` heads the same columns.
        var headings = LateNoteLine.headings
        var notes: [LateNoteView]
        // Stored, not computed: Mustache sees stored properties only.
        var count: Int
        var pending: Int
        var hasNotes: Bool
        /// A secretariat account: each note has its decision form.
        var mayDecide: Bool
        var csrfToken: String
        var decided: String?

        init(signedIn: SignedInView?, meeting: Meeting, notes: [LateNote], mayDecide: Bool, decided: Int64? = nil) {
            self.signedIn = signedIn
            self.meeting = MeetingHeader(meeting)
            code = meeting.code
            path = LoginTarget.encode(meeting.code)
            title = meeting.title
            deadline = meeting.deadlineDescription
            let path = path
            self.notes = notes.map {
                var view = LateNoteView($0, zone: meeting.timeZone)
                view.path = "/meetings/\(path)/late-notes/\($0.number)"
                view.justDecided = $0.number == decided
                return view
            }
            count = notes.count
            pending = notes.filter { $0.decision == nil }.count
            hasNotes = !notes.isEmpty
            self.mayDecide = mayDecide
            csrfToken = signedIn?.csrfToken ?? ""
            self.decided = decided.flatMap { number in
                notes.first { $0.number == number }.map {
                    "Note \(number) of \($0.delegation): \(LateNoteView($0, zone: meeting.timeZone).decision)."
                }
            }
        }

        /// The decision on `note` was refused: its form shows what was typed and why.
        mutating func fail(note: Int64, reason: String, message: String) {
            guard let index = notes.firstIndex(where: { $0.number == note }) else { return }
            notes[index].typedReason = reason
            notes[index].problem = message
        }
    }

    @Sendable func lateNotes(_ request: Request, context: PortalContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let user = context.signedIn?.name
        let (meeting, notes) = try await desk.run(as: user) { try $0.lateNotes(meeting: code) }
        return try templates.page(
            "late-notes",
            LateNotesModel(
                signedIn: SignedInView(context.sessions.session), meeting: meeting, notes: notes,
                mayDecide: SubmissionsController.mayDecide(context),
                decided: request.uri.queryParameters.get("decided").flatMap { Int64($0) }))
    }
}
