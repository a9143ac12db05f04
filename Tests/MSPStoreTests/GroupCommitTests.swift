import Foundation
import GRDB
import MSPDomain
import Testing

@testable import MSPStore

/// `msp serve`'s store commits concurrent write operations in groups: operations that arrive while a commit is under
/// way are written together and synced once, each in its own savepoint, so one refused never takes the others with
/// it, and each returns only once its group is committed.
@Suite struct GroupCommitTests {
    struct Refused: Error, Equatable { var index: Int }

    @Test func operationsArrivingDuringACommitAreCommittedTogetherAndARefusedOneAlone() throws {
        let path = try SchemaVersionTests.scratch()
        let store = try Store(path: path, access: .service)
        defer { store.close() }
        let group = try #require(store.groupCommit)
        let others = 15
        let results = NSLock()
        nonisolated(unsafe) var outcomes: [Int: Bool] = [:]
        let finished = DispatchGroup()
        let started = DispatchSemaphore(value: 0)
        func write(_ index: Int, hold: Bool = false) {
            finished.enter()
            Thread {
                let ok: Bool
                do {
                    try store.transaction { db in
                        try db.execute(
                            sql:
                                "INSERT INTO change (made_at, os_user, command, summary) VALUES (1, 'test', 'test', ?)",
                            arguments: ["operation \(index)"])
                        // The first operation holds its group open until every other one waits for the next.
                        if hold { started.signal() }
                        while hold && group.waitingCount < others { usleep(200) }
                        if index % 4 == 3 { throw Refused(index: index) }
                    }
                    ok = true
                } catch {
                    ok = false
                    #expect(error as? Refused == Refused(index: index))
                }
                results.lock()
                outcomes[index] = ok
                results.unlock()
                finished.leave()
            }.start()
        }
        let before = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change") ?? 0 }
        write(0, hold: true)
        started.wait()
        for index in 1...others { write(index) }
        finished.wait()

        // Two groups: the first, then the fifteen that arrived during it, committed once.
        #expect(group.counts.groups == 2)
        #expect(group.counts.operations == 16)
        // The refused ones (3, 7, 11, 15) are rolled back alone; every other one is stored, once.
        let summaries = try store.read {
            try String.fetchAll($0, sql: "SELECT summary FROM change WHERE os_user = 'test' ORDER BY id")
        }
        let kept = (0...others).filter { $0 % 4 != 3 }
        #expect(Set(summaries) == Set(kept.map { "operation \($0)" }))
        #expect(summaries.count == kept.count)
        #expect(outcomes.filter(\.value).map(\.key).sorted() == kept)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change") ?? 0 } == before + kept.count)
    }
}
