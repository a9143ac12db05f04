import Foundation
import MSPDomain
import MSPStore

/// What an import found and did.
package struct ImportReport: Sendable {
    package var notes = 0
    package var registrations = 0
    package var amendments = 0
    package var participants = 0
    package var lateNotes = 0
    package var delegations = Set<String>()
    package var newOrganizations = 0
    /// The first problems, in file order (at most `ImportReport.problemLimit`).
    package var problems: [ImportProblem] = []
    /// How many problems there were in all.
    package var problemCount = 0
    package var rows = 0
    package var bytes = 0
    package var committed = false

    package static let problemLimit = 50

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
    /// Reading, checking and writing run on three threads (the calling thread writes), so an import uses every core
    /// there is (two here: checking alone was as much work as writing, and more than reading); they meet in two
    /// `Handoff`s of at most `importQueueCapacity` notes each, so memory holds a few notes at a time whatever the
    /// file's size. Problems are reported in file order. A source that cannot be read
    /// on (a broken header, an I/O error) throws its `ImportProblem`, and nothing is written.
    package func importNotes<Source: SubmissionSource>(
        from source: Source, meeting code: String? = nil, origin: String,
        dryRun: Bool = false,
        progress: (_ rows: Int, _ bytes: Int) -> Void = { _, _ in }
    ) throws -> ImportReport {
        try writing {
            let stored = try meeting(code: code)
            let resolver = try store.resolver()
            let membership = try store.membership(convention: stored.meeting.convention)
            let now = clock()
            let receiptRequired = receiptIsRequired(for: stored.meeting)
            let read = Handoff<ReadItem>(capacity: Self.importQueueCapacity)
            let handoff = Handoff<ImportItem>(capacity: Self.importQueueCapacity)
            let reader = Thread { Self.read(source, into: read, groupedBy: resolver) }
            let checker = Thread {
                Self.checkAll(
                    from: read, into: handoff, meeting: stored.meeting, resolver: resolver, membership: membership,
                    now: now, receiptRequired: receiptRequired)
            }
            // Deep recursion in JSON decoding needs more than a secondary thread's default stack.
            reader.stackSize = 8 << 20
            checker.stackSize = 8 << 20
            reader.start()
            checker.start()
            defer {
                // However the writing ends, the checker stops; it stops and waits for the reader before it finishes, so
                // both are done before the caller closes the file.
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
                    case .problems(let problems):
                        for problem in problems { report.add(problem) }
                    case .checked(let draft, let sourced):
                        do {
                            let recorded = try recorder.record(draft)
                            if case .newOrganization = draft.represented { report.newOrganizations += 1 }
                            report.notes += 1
                            report.participants += recorded.participantCount
                            report.delegations.insert(recorded.delegation)
                            if recorded.kind == .registration {
                                report.registrations += 1
                            } else {
                                report.amendments += 1
                            }
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
    }

    /// How many checked notes may wait for the writer.
    static let importQueueCapacity = 64

    /// The reading thread's work: each note or problem of the source, in file order, rows grouped by the delegation
    /// `resolver` finds ("UG" then "Uganda": one note).
    static func read<Source: SubmissionSource>(
        _ source: Source, into handoff: Handoff<ReadItem>, groupedBy resolver: DelegationResolver
    ) {
        var source = source
        source.groupDelegations { resolver.delegationKey($0) }
        do {
            while let next = try source.next() {
                guard handoff.put(ReadItem(item: next, rows: source.rowsRead, bytes: source.bytesRead)) else { break }
            }
            handoff.finish()
        } catch {
            handoff.finish(error)
        }
    }

    /// The checking thread's work: each note read, checked as `register` would check it, in file order. Before it
    /// finishes, the reader is stopped and waited for.
    static func checkAll(
        from read: Handoff<ReadItem>, into handoff: Handoff<ImportItem>, meeting: Meeting,
        resolver initial: DelegationResolver, membership: TreatyMembership, now: Instant, receiptRequired: Bool
    ) {
        var resolver = initial
        var failure: (any Error)?
        do {
            while let next = try read.take() {
                let outcome: ImportItem.Outcome
                switch next.item {
                case .problem(let problem):
                    outcome = .problems([problem])
                case .submission(let sourced):
                    outcome = check(
                        sourced, meeting: meeting, resolver: &resolver, membership: membership, now: now,
                        receiptRequired: receiptRequired)
                }
                guard handoff.put(ImportItem(outcome: outcome, rows: next.rows, bytes: next.bytes)) else { break }
            }
        } catch {
            failure = error
        }
        read.cancel()
        read.waitUntilFinished()
        handoff.finish(failure)
    }

    static func check(
        _ sourced: SourcedSubmission, meeting: Meeting, resolver: inout DelegationResolver,
        membership: TreatyMembership, now: Instant, receiptRequired: Bool = false
    ) -> ImportItem.Outcome {
        var problems = ProblemCollector()
        do {
            _ = try problems.passes { try checkMeeting(of: sourced.submission, is: meeting) }
            let draft = try NoteDraft.check(
                sourced.submission, meeting: meeting, resolver: resolver,
                membership: membership, now: now, problems: &problems)
            // Once the meeting has closed, a note without received_at would be received now (see `checkReceiptGiven`).
            if receiptRequired, sourced.submission.receivedAt == nil {
                problems.append(Self.receiptRequired(what: "the note", meeting: meeting))
            }
            guard let draft, problems.errors.isEmpty, sourced.readProblems.isEmpty else {
                return .problems(sourced.problems(problems.errors))
            }
            // The notes that follow may name the new organization without its category.
            if case .newOrganization(let organization) = draft.represented { resolver.learn(organization) }
            return .checked(draft, sourced)
        } catch {
            return .problems(sourced.problems(problems.errors + [InputError("\(error)")]))
        }
    }
}

/// One note (or problem) read by an import's reading thread, on its way to the checker.
struct ReadItem: Sendable {
    var item: SourceItem
    /// Rows and bytes read when this item was produced, for progress.
    var rows: Int
    var bytes: Int
}

/// One note read and checked by an import's checking thread, on its way to the writer.
struct ImportItem: Sendable {
    enum Outcome: Sendable {
        case checked(NoteDraft, SourcedSubmission)
        /// Every problem of a note (at least one), in file order.
        case problems([ImportProblem])
    }
    var outcome: Outcome
    /// Rows and bytes read when this item was produced, for progress.
    var rows: Int
    var bytes: Int
}
