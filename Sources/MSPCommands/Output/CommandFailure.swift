import MSPApplication
import MSPDocuments
import MSPDomain
import MSPFiles

/// The documented exit statuses (sysexits.h), each with its meaning as `msp --help` lists it.
enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// A malformed command line.
    case usage = 64
    /// Input that is well formed but wrong.
    case dataError = 65
    /// An input file (or the database) that does not exist or cannot be opened.
    case noInput = 66
    /// A part msp needs for this command is not installed (Pango and Cairo, for --format pdf).
    case unavailable = 69
    /// Something msp did not expect: a bug, or a database it cannot use.
    case software = 70
    /// An output file that cannot be written.
    case cantCreate = 73
    /// A read or write error: a full disk, an output that cannot take what is written (/dev/full, a closed
    /// standard output).
    case ioError = 74
    /// Another msp kept the database busy past the busy timeout: try again.
    case tempFail = 75

    /// What the status means, as `msp --help` lists it.
    var meaning: String {
        switch self {
        case .ok: "success"
        case .usage: "malformed command line"
        case .dataError: "input that is well formed but wrong"
        case .noInput: "missing input file or unusable database"
        case .unavailable: "a part the command needs is not installed (Pango and Cairo, for --format pdf)"
        case .software: "unexpected failure"
        case .cantCreate: "output file that cannot be made"
        case .ioError: "read or write error (full disk, /dev/full)"
        case .tempFail: "database busy past the timeout, or e-mails kept for a later attempt (mail send)"
        }
    }

    /// "Exit status: 0 success; 64 malformed command line; ...": every status, in order, for `msp --help`.
    static var summary: String {
        "Exit status: " + allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}

/// A failure a command reports as one line on standard error, with its exit status.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    /// The line and status for any error a command throws.
    static func from(_ error: any Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: return failure
        case let input as InputError: return CommandFailure(.dataError, input.commandLineDescription)
        case PrintError.unavailable(let message): return CommandFailure(.unavailable, message)
        case PrintError.failed(let message): return CommandFailure(.software, message)
        case let database as any DatabaseFailure:
            switch database.kind {
            case .unavailable: return CommandFailure(.noInput, database.description)
            case .busy: return CommandFailure(.tempFail, database.description)
            case .io: return CommandFailure(.ioError, database.description)
            case .refused: return CommandFailure(.dataError, database.description)
            }
        case let file as PrivateFile.Failure: return CommandFailure(.cantCreate, file.description)
        default:
            return CommandFailure(
                .software, "unexpected error: \(String(describing: error).replacingOccurrences(of: "\n", with: " "))")
        }
    }
}
