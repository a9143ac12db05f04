import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain
import MSPStore

/// `--database PATH`, shared by every command that touches data.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The msp database file (created on first use).",
            discussion: "Without it: the MSP_DATABASE environment variable, else ./msp.sqlite.",
            valueName: "path"))
    var database: String?

    init() {}

    /// The path in force: the option, else MSP_DATABASE, else ./msp.sqlite.
    var path: String {
        if let database, !database.isEmpty { return database }
        if let env = ProcessInfo.processInfo.environment["MSP_DATABASE"], !env.isEmpty { return env }
        return "msp.sqlite"
    }

    /// Opens the database, runs `work` at its registration desk, and closes it; if `work` fails on a file this run
    /// created, the file goes.
    func withDesk<T>(_ work: (RegistrationDesk) throws -> T) throws -> T {
        let store = try Store(path: path)
        do {
            let result = try work(RegistrationDesk(store: store))
            store.close()
            return result
        } catch {
            store.close(discardIfCreated: true)
            throw located(error)
        }
    }

    /// Like `withDesk`, for a command that only reads reference data: when the file does not exist, the desk reads
    /// a database in memory holding only the data bundled with msp, and no file is created.
    func withReadingDesk<T>(_ work: (RegistrationDesk) throws -> T) throws -> T {
        guard !FileManager.default.fileExists(atPath: path) else { return try withDesk(work) }
        let store = try Store.inMemory()
        defer { store.close() }
        return try work(RegistrationDesk(store: store))
    }

    /// A meeting not found is named with the database looked in: the clerk may be in the wrong folder.
    func located(_ error: any Error) -> any Error {
        guard var input = error as? InputError, input.field == .meeting, input.reason == .notFound else { return error }
        input.message += " (database: \(path))"
        return input
    }
}

/// `--meeting CODE`, which may be left out when the database holds one meeting.
struct MeetingOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The meeting's code, e.g. 7MSP (may be left out when the database holds one meeting).", valueName: "code"))
    var meeting: String?

    init() {}
}
