import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

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

    /// `--database ""` names no file: an error, not `./msp.sqlite`.
    func validate() throws {
        if let database, database.isEmpty { throw ValidationError(Self.emptyPath) }
    }

    static let emptyPath = "--database: an empty path names no file"

    /// The path in force: the option, else MSP_DATABASE, else ./msp.sqlite.
    var path: String {
        if let database { return database }
        if let env = ProcessInfo.processInfo.environment["MSP_DATABASE"], !env.isEmpty { return env }
        return "msp.sqlite"
    }

    /// Opens the database, runs `work` at its registration desk, and closes it; if `work` fails on a file this run
    /// created, the file goes. Only once `work` has succeeded is an existing file switched to WAL mode.
    func withDesk<T>(_ work: (RegistrationDesk) throws -> T) throws -> T {
        let desk = try RegistrationDesk.open(path: path, for: .write)
        do {
            let result = try work(desk)
            try? desk.useWAL()
            desk.close()
            return result
        } catch {
            desk.close(discardIfCreated: true)
            throw located(error)
        }
    }

    /// For a command that only reads: nothing is ever written to the file (no schema upgrade, no switch to WAL).
    /// When the file does not exist, the desk reads a database in memory holding only the data bundled with msp,
    /// and no file is created.
    func withReadingDesk<T>(_ work: (RegistrationDesk) throws -> T) throws -> T {
        let desk = try RegistrationDesk.open(path: path, for: .read)
        defer { desk.close() }
        do {
            return try work(desk)
        } catch {
            throw located(error)
        }
    }

    /// The database file as a confirmation names it: as given, or `./msp.sqlite` for a bare name in the working
    /// folder.
    var shownPath: String { path.contains("/") ? path : "./" + path }

    /// What a command that wrote prints: its confirmation with the database file it wrote named on the first line,
    /// before its closing full point or colon: "Added 8MSP: ...; registration deadline 17 August 2018 (in
    /// ./msp.sqlite)." One wording for every command that writes, so that a clerk always sees where it went.
    func confirmation(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = lines[0]
        let said = " (in \(shownPath))"
        if let last = first.last, last == "." || last == ":" {
            lines[0] = first.dropLast() + said + String(last)
        } else {
            lines[0] = first + said
        }
        return lines.joined(separator: "\n")
    }

    /// Prints `confirmation(text)` on standard output.
    func confirm(_ text: String) { print(confirmation(text)) }

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
