import Foundation
import GRDB

/// Group commit: write transactions that arrive while another is committing are written together, in one
/// transaction synced once, each in a savepoint of its own.
///
/// With `synchronous = FULL` a commit waits for the disk (an fsync of the WAL, milliseconds); a server that commits
/// each submission on its own is bound by that wait, whatever its cores. Here the first caller leads: it takes every
/// operation waiting, runs each in its own savepoint (one that throws is rolled back alone and its error goes to its
/// caller; the others are kept), commits once, and only then answers them all, so an operation acknowledged is on
/// the disk as surely as one committed alone. Operations that arrive during that commit wait; when it is done the
/// first of them leads the next group. The leader/follower scheme of database group commit, written here because
/// GRDB and SQLite offer none; measured in bench/results.md.
final class GroupCommit: @unchecked Sendable {
    /// One operation waiting for its group's commit.
    final class Pending: @unchecked Sendable {
        /// Runs the operation on the group's connection, in its savepoint; keeps its result or error itself. Let go
        /// before its caller is answered: the caller's closure must not outlive its call.
        var run: ((Database) -> Void)?
        /// Set when the group's transaction failed as a whole (its BEGIN or COMMIT): every operation of it gets it.
        var commitFailure: (any Error)?
        /// Set when this operation is to lead the next group.
        var leads = false
        let done = DispatchSemaphore(value: 0)

        init(run: @escaping (Database) -> Void) { self.run = run }
    }

    private let lock = NSLock()
    private var waiting: [Pending] = []
    private var leading = false
    /// Groups committed and operations in them, for the benchmark and the tests.
    private var groups = 0
    private var operations = 0

    /// Runs `pending` in a group: leads one if none is under way, else waits for its group's commit (and leads the
    /// next group when asked). Returns once the group that holds it is committed or failed.
    /// `afterwards` runs on the leader once the group's members are answered, before the next group starts (the
    /// store checkpoints a large WAL there, so that no member waits for it).
    func perform(_ pending: Pending, commit: ([Pending]) throws -> Void, afterwards: () -> Void = {}) {
        lock.lock()
        waiting.append(pending)
        let leadsNow = !leading
        leading = true
        lock.unlock()
        if !leadsNow {
            pending.done.wait()
            guard pending.leads else { return }
        }
        lead(commit, afterwards: afterwards)
    }

    /// Takes every operation waiting, commits them as one group, answers them, and hands the lead to the first
    /// operation that arrived meanwhile (or gives it up).
    private func lead(_ commit: ([Pending]) throws -> Void, afterwards: () -> Void) {
        lock.lock()
        let group = waiting
        waiting = []
        lock.unlock()
        do {
            try commit(group)
        } catch {
            for pending in group { pending.commitFailure = error }
        }
        for pending in group { pending.run = nil }
        // The leader is among the group: it is not waiting. Every other member is, and is answered now.
        for pending in group where !pending.leads { pending.done.signal() }
        afterwards()
        lock.lock()
        groups += 1
        operations += group.count
        let next = waiting.first
        if let next { next.leads = true } else { leading = false }
        lock.unlock()
        next?.done.signal()
    }

    /// How many operations wait for the group under way to commit.
    var waitingCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return waiting.count
    }

    /// How many groups and operations have been committed so far.
    var counts: (groups: Int, operations: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (groups, operations)
    }
}
