import ArgumentParser
import Foundation
import MSPApplication
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
            throw error
        }
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
