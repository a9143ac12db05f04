import Foundation
import MSPDomain
import MSPStore

/// What an import found and did.
public struct ImportReport: Sendable {
    public var notes = 0
    public var registrations = 0
    public var amendments = 0
    public var participants = 0
    public var lateNotes = 0
    public var delegations = Set<String>()
    public var newOrganizations = 0
    /// The first problems, in file order (at most `ImportReport.problemLimit`).
    public var problems: [ImportProblem] = []
    /// How many problems there were in all.
    public var problemCount = 0
    public var rows = 0
    public var bytes = 0
    public var committed = false

    public static let problemLimit = 50

    mutating func add(_ problem: ImportProblem) {
        problemCount += 1
        if problems.count < Self.problemLimit { problems.append(problem) }
    }
}

extension RegistrationDesk {
    /// Imports every submission of `source` into a meeting in one transaction: each note is checked as `register`
    /// checks it; if any problem is found (or `dryRun`), everything is rolled back and the report lists the
    /// problems; otherwise everything is committed. `origin` names the source in the change log ("import of x.csv").
    ///
    /// Reading and checking run on a thread of their own while the calling thread writes, so an import uses two
    /// cores; the two meet in a `Handoff` of at most `importQueueCapacity` checked notes, so memory holds a few
    /// notes at a time whatever the file's size. Problems are reported in file order. A source that cannot be read
    /// on (a broken header, an I/O error) throws its `ImportProblem`, and nothing is written.
    public func importNotes<Source: SubmissionSource>(
        from source: Source, meeting code: String? = nil, origin: String,
        dryRun: Bool = false,
        progress: (_ rows: Int, _ bytes: Int) -> Void = { _, _ in }
    ) throws -> ImportReport {
        let stored = try meeting(code: code)
        let resolver = try store.resolver()
        let membership = try store.membership(convention: stored.meeting.convention)
        let now = clock()
        let handoff = Handoff<ImportItem>(capacity: Self.importQueueCapacity)
        let reader = Thread {
            Self.readAndCheck(
                source, into: handoff, meeting: stored.meeting, resolver: resolver, membership: membership, now: now)
        }
        // Deep recursion in JSON decoding needs more than a secondary thread's default stack.
        reader.stackSize = 8 << 20
        reader.start()
        defer {
            // However the writing ends, the reader stops and is waited for before the caller closes the file.
            handoff.cancel()
            handoff.waitUntilFinished()
        }
        return try store.recordNotes(meeting: stored, change: change("import"), summary: origin) { recorder in
            var report = ImportReport()
            var sinceProgress = 0
            while let item = try handoff.take() {
                sinceProgress += 1
                if sinceProgress >= 64 {
                    sinceProgress = 0
                    progress(item.rows, item.bytes)
                }
                switch item.outcome {
                case .problem(let problem):
                    report.add(problem)
                case .checked(let draft, let sourced):
                    do {
                        let recorded = try recorder.record(draft)
                        if case .newOrganization = draft.represented { report.newOrganizations += 1 }
                        report.notes += 1
                        report.participants += recorded.participantCount
                        report.delegations.insert(recorded.delegation)
                        if recorded.kind == .registration { report.registrations += 1 } else { report.amendments += 1 }
                        if recorded.lateness.isLate { report.lateNotes += 1 }
                    } catch let error as InputError {
                        report.add(sourced.problem(error.at(.reference)))
                    }
                }
                report.rows = item.rows
                report.bytes = item.bytes
            }
            progress(report.rows, report.bytes)
            report.committed = report.problemCount == 0 && !dryRun
            return (report, commit: report.committed)
        }
    }

    /// How many checked notes may wait for the writer.
    static let importQueueCapacity = 64

    /// The reading thread's work: read each note and check it as `register` would, in file order.
    static func readAndCheck<Source: SubmissionSource>(
        _ source: Source, into handoff: Handoff<ImportItem>, meeting: Meeting,
        resolver initial: DelegationResolver, membership: TreatyMembership,
        now: Instant
    ) {
        var source = source
        var resolver = initial
        // Rows are grouped by the delegation they name, as the resolver finds it ("UG" then "Uganda": one note).
        source.groupDelegations { initial.delegationKey($0) }
        do {
            while let next = try source.next() {
                let outcome: ImportItem.Outcome
                switch next {
                case .problem(let problem):
                    outcome = .problem(problem)
                case .submission(let sourced):
                    outcome = check(sourced, meeting: meeting, resolver: &resolver, membership: membership, now: now)
                }
                guard handoff.put(ImportItem(outcome: outcome, rows: source.rowsRead, bytes: source.bytesRead)) else {
                    break
                }
            }
            handoff.finish()
        } catch {
            handoff.finish(error)
        }
    }

    static func check(
        _ sourced: SourcedSubmission, meeting: Meeting, resolver: inout DelegationResolver,
        membership: TreatyMembership, now: Instant
    ) -> ImportItem.Outcome {
        do {
            try checkMeeting(of: sourced.submission, is: meeting)
            let draft = try NoteDraft.check(
                sourced.submission, meeting: meeting, resolver: resolver,
                membership: membership, now: now)
            // The notes that follow may name the new organization without its category.
            if case .newOrganization(let organization) = draft.represented { resolver.learn(organization) }
            return .checked(draft, sourced)
        } catch let error as InputError {
            return .problem(sourced.problem(error))
        } catch {
            return .problem(sourced.problem(InputError("\(error)")))
        }
    }
}

/// One note read and checked by an import's reading thread, on its way to the writer.
struct ImportItem: Sendable {
    enum Outcome: Sendable {
        case checked(NoteDraft, SourcedSubmission)
        case problem(ImportProblem)
    }
    var outcome: Outcome
    /// Rows and bytes read when this item was produced, for progress.
    var rows: Int
    var bytes: Int
}
