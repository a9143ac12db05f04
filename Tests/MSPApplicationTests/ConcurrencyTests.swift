import Foundation
import GRDB
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// Every operation reads what its rule checks and writes what it decides in one transaction: the same operation asked
/// at once from many threads succeeds once, and the others get the rule's refusal.
///
/// Each case runs twice: on one in-memory desk shared by every thread (one connection, operations interleaved
/// between its calls), and with a desk of its own per thread over one database file (as separate processes would).
/// The threads are released together from a barrier (no sleeps).
@Suite struct ConcurrencyTests {
    static let threads = 12

    /// Where the desks of one case live: one shared desk, or one desk per thread on one file.
    enum Sharing: CaseIterable, CustomTestStringConvertible {
        case oneDesk, deskPerThread
        var testDescription: String { self == .oneDesk ? "one desk in memory" : "a desk per thread on one file" }
    }

    /// The desks a case uses (`threads` of them), set up by `prepare` on the first.
    static func desks(_ sharing: Sharing, prepare: (RegistrationDesk) throws -> Void) throws -> [RegistrationDesk] {
        switch sharing {
        case .oneDesk:
            let desk = try Desk.sevenMSP()
            try prepare(desk)
            return Array(repeating: desk, count: threads)
        case .deskPerThread:
            let folder = FileManager.default.temporaryDirectory.appending(path: "msp-concurrency-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appending(path: "msp.sqlite").path
            let first = RegistrationDesk(
                store: try Store(path: path), user: "clerk", clock: { Desk.now }, passwordCost: 4)
            try first.addMeeting(Desk.sevenMSPRequest)
            try prepare(first)
            return try [first]
                + (1..<threads).map { _ in
                    RegistrationDesk(store: try Store(path: path), user: "clerk", clock: { Desk.now }, passwordCost: 4)
                }
        }
    }

    /// Runs `work` on every desk at once, each on a thread of its own released from one barrier; the outcomes in
    /// order.
    static func atOnce<T: Sendable>(
        _ desks: [RegistrationDesk], _ work: @escaping @Sendable (RegistrationDesk) throws -> T
    )
        -> [Result<T, any Error>]
    {
        let barrier = Barrier(parties: desks.count)
        let results = Locked<[Int: Result<T, any Error>]>([:])
        let group = DispatchGroup()
        for (index, desk) in desks.enumerated() {
            let thread = Thread {
                barrier.arriveAndWait()
                let outcome = Result { try work(desk) }
                results.withLock { $0[index] = outcome }
                group.leave()
            }
            group.enter()
            thread.start()
        }
        group.wait()
        return results.withLock { all in (0..<desks.count).map { all[$0]! } }
    }

    /// Exactly one success; every other outcome is an `InputError` whose message contains `refusal`.
    static func expectOneSuccess<T>(
        _ outcomes: [Result<T, any Error>], refusal: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var successes = 0
        for outcome in outcomes {
            switch outcome {
            case .success: successes += 1
            case .failure(let error as InputError):
                #expect(error.message.contains(refusal), "\(error.message)", sourceLocation: sourceLocation)
            case .failure(let error):
                Issue.record("not the rule's refusal: \(error)", sourceLocation: sourceLocation)
            }
        }
        #expect(successes == 1, "\(successes) of \(outcomes.count) succeeded", sourceLocation: sourceLocation)
    }

    static func count(_ desk: RegistrationDesk, _ sql: String) throws -> Int {
        try desk.store.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }

    @Test(arguments: Sharing.allCases) func aDelegationIsWithdrawnOnce(_ sharing: Sharing) throws {
        let desks = try Self.desks(sharing) { try Desk.register($0, "Australia", "A1", received: "2017-08-10") }
        let outcomes = Self.atOnce(desks) {
            try $0.withdraw(WithdrawalRequest(delegation: "Australia", receivedAt: "2017-08-20T10:00"))
        }
        Self.expectOneSuccess(outcomes, refusal: "already withdrawn")
        #expect(try Self.count(desks[0], "SELECT count(*) FROM note WHERE kind = 'withdrawal'") == 1)
    }

    @Test(arguments: Sharing.allCases) func aNoteTypedTwiceAtOnceIsRecordedOnce(_ sharing: Sharing) throws {
        let desks = try Self.desks(sharing) { _ in }
        let outcomes = Self.atOnce(desks) { try Desk.register($0, "Norway", nil, received: "2017-08-10") }
        Self.expectOneSuccess(outcomes, refusal: "probably a duplicate")
        #expect(try Self.count(desks[0], "SELECT count(*) FROM note") == 1)
    }

    @Test(arguments: Sharing.allCases, [Decision.accepted, .declined])
    func aLateNoteIsDecidedOnce(_ sharing: Sharing, _ outcome: Decision) throws {
        let desks = try Self.desks(sharing) { try Desk.register($0, "Kenya", "K1", received: "2017-08-25") }
        let number = try #require(try desks[0].lateNotes().notes.first?.number)
        let outcomes = Self.atOnce(desks) {
            try $0.decide(DecisionRequest(note: number, outcome: outcome, reason: "Within the grace period"))
        }
        Self.expectOneSuccess(outcomes, refusal: "is \(outcome.rawValue) already")
        #expect(try Self.count(desks[0], "SELECT count(*) FROM decision") == 1)
    }

    @Test(arguments: Sharing.allCases) func aSubmissionIsAcceptedOnce(_ sharing: Sharing) throws {
        let desks = try Self.desks(sharing) { desk in
            let (_, token) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@ug.example"))
            _ = try desk.submit(token: token, request: SubmissionTests.request())
        }
        let id = try #require(try desks[0].submissions().submissions.first?.id)
        let outcomes = Self.atOnce(desks) { try $0.acceptSubmission(id: id) }
        Self.expectOneSuccess(outcomes, refusal: "accepted already")
        #expect(try Self.count(desks[0], "SELECT count(*) FROM note") == 1)
        #expect(try Self.count(desks[0], "SELECT count(*) FROM submission WHERE status = 'accepted'") == 1)
    }

    @Test(arguments: Sharing.allCases) func oneReferenceSubmittedTwiceAtOnceByOneLinkIsKeptOnce(_ sharing: Sharing)
        throws
    {
        let token = Locked("")
        let desks = try Self.desks(sharing) { desk in
            let (_, issued) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@ug.example"))
            token.withLock { $0 = issued }
        }
        let link = token.withLock { $0 }
        let outcomes = Self.atOnce(desks) { try $0.submit(token: link, request: SubmissionTests.request()) }
        Self.expectOneSuccess(outcomes, refusal: "submitted already")
        #expect(try Self.count(desks[0], "SELECT count(*) FROM submission") == 1)
    }

    @Test(arguments: Sharing.allCases) func aDelegationGetsOneFocalPoint(_ sharing: Sharing) throws {
        let desks = try Self.desks(sharing) { _ in }
        let outcomes = Self.atOnce(desks) {
            try $0.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@ug.example")).0
        }
        Self.expectOneSuccess(outcomes, refusal: "has a focal point")
        #expect(try Self.count(desks[0], "SELECT count(*) FROM focal_point") == 1)
    }
}

/// A value shared between threads, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// A barrier for a fixed number of threads: each waits until all have arrived.
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Int

    init(parties: Int) { waiting = parties }

    func arriveAndWait() {
        condition.lock()
        defer { condition.unlock() }
        waiting -= 1
        if waiting == 0 {
            condition.broadcast()
        } else {
            while waiting > 0 { condition.wait() }
        }
    }
}
