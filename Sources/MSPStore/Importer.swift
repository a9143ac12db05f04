import Foundation
import GRDB
import MSPDomain

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

extension Store {
    /// Imports every submission of `source` into `meeting` in one transaction: each note is checked as
    /// `msp register` checks it; if any problem is found (or `dryRun`), everything is rolled back and the
    /// report lists the problems; otherwise everything is committed.
    ///
    /// Reading and checking run on a thread of their own while this one writes, so an import uses both cores; the
    /// two meet in a queue of at most `ImportPipeline.capacity` checked notes, so memory holds a few notes at a time
    /// whatever the file's size. Problems are reported in file order.
    public func importSubmissions<Source: SubmissionSource>(_ source: inout Source, meeting stored: StoredMeeting, change: ChangeInfo,
                                                            summary: String, dryRun: Bool, now: Instant = .now(),
                                                            progress: (_ rows: Int, _ bytes: Int) -> Void = { _, _ in }) throws -> ImportReport {
        var report = ImportReport()
        try writeTransaction { db in
            // Keep the whole import's pages in memory rather than spilling them to the WAL mid-transaction
            // (the cache only takes what is used: 41 MB peak for 100,000 participants).
            try db.execute(sql: "PRAGMA cache_size = -65536")
            let resolver = try Store.resolver(db)
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            let changeId = try change.insert(db, summary: summary)
            var recorder = NoteRecorder(db: db, meeting: stored, changeId: changeId)

            let pipeline = ImportPipeline()
            let transfer = ImportPipeline.Transfer(source)
            let reading = ImportPipeline.Reading(next: { try transfer.value.next() },
                                                 position: { (transfer.value.rowsRead, transfer.value.bytesRead) })
            let readerDone = DispatchSemaphore(value: 0)
            let reader = Thread {
                defer { readerDone.signal() }
                ImportPipeline.check(reading, into: pipeline, meeting: stored, resolver: resolver, membership: membership, now: now)
            }
            reader.stackSize = 8 << 20
            reader.start()
            defer {
                // Whatever happens here, the reader stops and is waited for before the source is given back.
                pipeline.cancel()
                readerDone.wait()
                source = transfer.value
            }

            var sinceProgress = 0
            while let item = try pipeline.take() {
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
                        if recorded.lateBy != nil { report.lateNotes += 1 }
                    } catch let error as InputError {
                        report.add(sourced.problem(InputError(error.message, field: "reference")))
                    }
                }
                report.rows = item.rows
                report.bytes = item.bytes
            }
            progress(report.rows, report.bytes)
            report.committed = report.problemCount == 0 && !dryRun
            return ((), commit: report.committed)
        }
        return report
    }
}

/// The hand-over between the thread that reads and checks an import and the one that writes it.
final class ImportPipeline: @unchecked Sendable {
    /// How many checked notes may wait for the writer.
    static let capacity = 64

    struct Item: Sendable {
        enum Outcome: Sendable {
            case checked(NoteDraft, SourcedSubmission)
            case problem(ImportProblem)
        }
        var outcome: Outcome
        /// Rows and bytes read when this item was produced, for progress.
        var rows: Int
        var bytes: Int
    }

    /// Moves the (not thread-safe) source to the reading thread and back; only one thread uses it at a time.
    final class Transfer<Value>: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The source as the reading thread sees it: the next item, and how far it has read.
    final class Reading: @unchecked Sendable {
        let next: () throws -> SourceItem?
        let position: () -> (rows: Int, bytes: Int)
        init(next: @escaping () throws -> SourceItem?, position: @escaping () -> (rows: Int, bytes: Int)) {
            self.next = next
            self.position = position
        }
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    /// Adds an item, waiting while the queue is full; false once the writer has stopped.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item in file order; nil at the end; the reader's error if reading could not go on.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !finished { condition.wait() }
        if head < items.count {
            let item = items[head]
            head += 1
            if head > 256 { items.removeFirst(head); head = 0 }
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    /// The reader is done (with an error if reading could not go on).
    func finish(_ error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The writer has stopped: the reader stops at its next item.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The reading thread's work: read each note and check it as `msp register` would, in file order.
    static func check(_ reading: Reading, into pipeline: ImportPipeline,
                                                meeting stored: StoredMeeting, resolver initial: DelegationResolver,
                                                membership: TreatyMembership, now: Instant) {
        var resolver = initial
        do {
            while let next = try reading.next() {
                let outcome: Item.Outcome
                switch next {
                case .problem(let problem):
                    outcome = .problem(problem)
                case .submission(let sourced):
                    outcome = checked(sourced, meeting: stored, resolver: &resolver, membership: membership, now: now)
                }
                let (rows, bytes) = reading.position()
                guard pipeline.put(Item(outcome: outcome, rows: rows, bytes: bytes)) else { return }
            }
            pipeline.finish()
        } catch {
            pipeline.finish(error)
        }
    }

    static func checked(_ sourced: SourcedSubmission, meeting stored: StoredMeeting, resolver: inout DelegationResolver,
                        membership: TreatyMembership, now: Instant) -> Item.Outcome {
        if let other = sourced.submission.meeting?.trimmedOrNil, other.lowercased() != stored.meeting.code.lowercased() {
            return .problem(sourced.problem(InputError("this note is for meeting \(other), not \(stored.meeting.code)", field: "meeting")))
        }
        do {
            let draft = try NoteDraft.check(sourced.submission, meeting: stored.meeting, resolver: resolver,
                                            membership: membership, now: now, fields: .json)
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
