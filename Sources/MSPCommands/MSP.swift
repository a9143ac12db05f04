import ArgumentParser
import Foundation

/// The root command: it only lists the subcommands, each defined in its own file as an extension.
public struct MSP: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "msp",
        abstract:
            "Register delegations for a Meeting of States Parties, list late notes, export the list of participants.",
        discussion: """
            Exit status: 0 success; 64 malformed command line; 65 input that is well formed but wrong; \
            66 missing input file; 73 output file that cannot be written; 70 unexpected failure.
            """,
        version: version,
        subcommands: [
            MeetingCommand.self,
            Register.self,
            Delegations.self,
            FindPerson.self,
            ListLate.self,
            ExportRoster.self,
            Treaty.self,
            Demo.self,
            Import.self,
            Stats.self,
            AbsentStates.self,
            Credentials.self,
            History.self,
            Withdraw.self,
            Backup.self,
        ]
    )

    public init() {}

    /// Parses and runs a command line. Every failure is one line on standard error and a documented status;
    /// `--help` and `--version` print in full and exit 0.
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            // The command has already said what went wrong (several lines, as an import's problems are).
            return code.rawValue
        } catch let failure as CommandFailure {
            complain(failure.message)
            return failure.status.rawValue
        } catch {
            let code = exitCode(for: error).rawValue
            if code == 0 {
                print(fullMessage(for: error))
                return 0
            }
            if error is CleanExit {
                print(fullMessage(for: error))
                return code
            }
            if code == ExitCode.validationFailure.rawValue || code == 64 {
                let message =
                    message(for: error).split(separator: "\n").first.map(String.init) ?? "malformed command line"
                complain("\(message) (see '\((["msp"] + commandPath(arguments)).joined(separator: " ")) --help')")
                return ExitStatus.usage.rawValue
            }
            let failure = CommandFailure.from(error)
            complain(failure.message)
            return failure.status.rawValue
        }
    }

    /// The subcommand names at the start of `arguments` that name real commands: ["meeting", "add"].
    static func commandPath(_ arguments: [String]) -> [String] {
        var path: [String] = []
        var command: any ParsableCommand.Type = MSP.self
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else {
                break
            }
            path.append(argument)
            command = next
        }
        return path
    }

    static func complain(_ message: String) {
        FileHandle.standardError.write(Data("msp: \(message.replacingOccurrences(of: "\n", with: " "))\n".utf8))
    }
}
