import Foundation
import Testing

/// Runs the built `msp` binary, as a user would, in a scratch folder of its own.
struct MSPRun {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `msp` built beside this test bundle (swift test builds it), or $MSP_BINARY.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["MSP_BINARY"] { return URL(fileURLWithPath: path) }
        let here = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = here.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appending(path: "msp")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return here.deletingLastPathComponent().appending(path: "msp")
    }()

    /// A fresh folder; `database` is `msp.sqlite` inside it.
    let folder: URL
    /// The program run: the built `msp`, or a copy of it elsewhere.
    var binary: URL = MSPRun.binary

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "msp-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var database: String { folder.appending(path: "msp.sqlite").path }

    func path(_ name: String) -> String { folder.appending(path: name).path }

    /// Runs `msp ARGS` in the folder with `--database` given by MSP_DATABASE, and standard input from `stdin`.
    @discardableResult
    func callAsFunction(_ arguments: String..., stdin: String? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        try run(arguments, stdin: stdin, environment: environment)
    }

    /// `unsetting` names environment variables taken away (MSP_DATABASE, to fall back on ./msp.sqlite).
    func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        unsetting: [String] = [], shell: Bool = false
    ) throws -> Result {
        try run(
            arguments, stdinData: stdin.map { Data($0.utf8) }, environment: environment, unsetting: unsetting,
            shell: shell)
    }

    /// With `shell`, runs `/bin/sh ARGS` instead (a redirection to /dev/full, a closed descriptor); with
    /// `executable`, that program (`/bin/bash`, for a process substitution).
    func run(
        _ arguments: [String], stdinData stdin: Data?, environment: [String: String] = [:],
        unsetting: [String] = [], shell: Bool = false, executable: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL =
            executable.map { URL(fileURLWithPath: $0) } ?? (shell ? URL(fileURLWithPath: "/bin/sh") : binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["MSP_DATABASE"] = database
        for (key, value) in environment { env[key] = value }
        for key in unsetting { env[key] = nil }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The bytes of the database file (and its WAL, if any), to check that a failed command changed nothing.
    func snapshot() -> Data {
        var data = FileManager.default.contents(atPath: database) ?? Data()
        data.append(FileManager.default.contents(atPath: database + "-wal") ?? Data())
        return data
    }

    /// Writes a file in the folder.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appending(path: name))
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Adds the 7MSP as the issue describes it.
    func add7MSP() throws {
        let result = try self(
            "meeting", "add", "7MSP",
            "--title", "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
            "--convention", "CCM", "--opens", "2017-09-04", "--closes", "2017-09-06",
            "--deadline", "2017-08-18", "--time-zone", "Europe/Zurich",
            "--venue", "Palais des Nations, Room XIX, Geneva")
        #expect(result.status == 0, "\(result.stderr)")
    }
}
