import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The same command run by many clerks at once: each built `msp` reads, checks and writes in one transaction, so
/// exactly one succeeds and the others get the rule's refusal (65), with one record in the database.
///
/// The processes are started behind a file lock this test holds: each says it is ready, then waits for a shared lock
/// on the file (flock(1)); once all are ready the test releases its exclusive lock and they run at once. No sleeps.
@Suite struct ConcurrentCommandTests {
    static let processes = 10

    /// `msp ARGS` started `count` times, released together; their results.
    static func atOnce(_ msp: MSPRun, _ arguments: [String], count: Int = processes) throws -> [MSPRun.Result] {
        try atOnce(msp, Array(repeating: arguments, count: count))
    }

    /// Each of `commands` (msp's arguments) started in a process of its own, released together; their results.
    static func atOnce(_ msp: MSPRun, _ commands: [[String]]) throws -> [MSPRun.Result] {
        let ready = msp.path("ready-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: ready, withIntermediateDirectories: true)
        let lockPath = msp.path("barrier.lock")
        let lock = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        var released = false
        defer { if !released { flock(lock, LOCK_UN) } }
        let running = try commands.map { arguments in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments =
                [
                    "-c", #"touch "$READY/$$"; exec flock -s "$LOCK" "$0" "$@""#, MSPRun.binary.path,
                ] + arguments
            process.currentDirectoryURL = msp.folder
            var env = ProcessInfo.processInfo.environment
            env["MSP_DATABASE"] = msp.database
            env["READY"] = ready
            env["LOCK"] = lockPath
            process.environment = env
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            return (process, out, err)
        }
        // Every process has started and is about to wait on the lock: release them together.
        let deadline = Date().addingTimeInterval(60)
        while (try FileManager.default.contentsOfDirectory(atPath: ready)).count < commands.count, Date() < deadline {
            usleep(1_000)
        }
        flock(lock, LOCK_UN)
        released = true
        return running.map { process, out, err in
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return MSPRun.Result(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Exactly one exits 0; every other exits 65 with `refusal` in its one line.
    static func expectOneSuccess(
        _ results: [MSPRun.Result], refusal: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            results.filter { $0.status == 0 }.count == 1,
            "\(results.map { "\($0.status): \($0.stderr)" })", sourceLocation: sourceLocation)
        for result in results where result.status != 0 {
            #expect(result.status == 65, "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(refusal), "\(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    static func count(_ msp: MSPRun, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: msp.database)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }

    @Test func withdrawingOneDelegationAtOnceRecordsOneWithdrawal() throws {
        let msp = try MSPRun()
        expectSuccess(try msp("demo", "--database", msp.database))
        let results = try Self.atOnce(msp, ["withdraw", "--delegation", "Australia", "--received", "2017-08-30"])
        Self.expectOneSuccess(results, refusal: "already withdrawn")
        #expect(try Self.count(msp, "SELECT count(*) FROM note WHERE kind = 'withdrawal'") == 1)
    }

    @Test func oneNoteTypedByManyClerksAtOnceIsRecordedOnce() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let results = try Self.atOnce(
            msp, ["register", "--delegation", "Norway", "--received", "2017-08-10", "--head", "Ms. Ine Eriksen"])
        Self.expectOneSuccess(results, refusal: "probably a duplicate")
        #expect(try Self.count(msp, "SELECT count(*) FROM note") == 1)
    }

    @Test(arguments: ["accept", "decline"]) func aLateNoteIsDecidedOnce(_ verb: String) throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--delegation", "Kenya", "--received", "2017-08-25", "--reference", "K1", "--head", "Mr. K")
        )
        let number = try Self.count(msp, "SELECT coalesce(number, id) FROM note WHERE reference = 'K1'")
        let results = try Self.atOnce(msp, [verb, String(number), "--reason", "Within the grace period"])
        Self.expectOneSuccess(results, refusal: "already")
        #expect(try Self.count(msp, "SELECT count(*) FROM decision") == 1)
    }

    @Test func oneDelegationGetsOneFocalPointWhenManyAreAddedAtOnce() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let results = try Self.atOnce(
            (0..<Self.processes).map {
                ["focal-point", "add", "--delegation", "Uganda", "--email", "focal\($0)@ug.example"]
            },
            in: msp)
        Self.expectOneSuccess(results, refusal: "has a focal point")
        #expect(try Self.count(msp, "SELECT count(*) FROM focal_point") == 1)
    }

    @Test func aSubmissionAcceptedByManyClerksAtOnceBecomesOneNote() async throws {
        let (msp, token) = try Self.ugandaWithAFocalPoint()
        do {
            let server = try ServeTests.Server(msp)
            #expect(
                try await SubmissionCommandTests.submit(
                    port: server.port, token: token, reference: "Note 46/2017", head: "Ms. A. Okello") == 303)
        }
        let id = try Self.count(msp, "SELECT id FROM submission")
        let results = try Self.atOnce(msp, ["submission", "accept", String(id)])
        Self.expectOneSuccess(results, refusal: "accepted already")
        #expect(try Self.count(msp, "SELECT count(*) FROM note") == 1)
    }

    @Test func oneReferenceSubmittedAtOnceThroughOneLinkIsKeptOnce() async throws {
        let (msp, token) = try Self.ugandaWithAFocalPoint()
        let server = try ServeTests.Server(msp)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await SubmissionCommandTests.submit(
                        port: server.port, token: token, reference: "Note 46/2017", head: "Ms. A. Okello")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 303 }.count == 1, "\(statuses)")
        #expect(statuses.allSatisfy { $0 == 303 || $0 == 409 || $0 == 422 }, "\(statuses)")
        #expect(try Self.count(msp, "SELECT count(*) FROM submission") == 1)
    }
}

extension ConcurrentCommandTests {
    /// The 7MSP with a focal point's link for Uganda, and the link's token.
    static func ugandaWithAFocalPoint() throws -> (MSPRun, String) {
        let msp = try MSPRun()
        try msp.add7MSP()
        let added = try msp("focal-point", "add", "--delegation", "Uganda", "--email", "focal@ug.example")
        expectSuccess(added)
        return (msp, FocalPointCommandTests.token(try FocalPointCommandTests.link(added)))
    }

    /// Each of `commands` at once (argument order for readability at the call).
    static func atOnce(_ commands: [[String]], in msp: MSPRun) throws -> [MSPRun.Result] {
        try atOnce(msp, commands)
    }
}
