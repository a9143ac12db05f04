import ArgumentParser
import CStandardOutput
import Foundation
import MSPDomain
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The root command: it only lists the subcommands, each defined in its own file as an extension.
package struct MSP: ParsableCommand {
    package static let version = "0.1.0"

    package static let configuration = CommandConfiguration(
        commandName: "msp",
        abstract:
            "Register delegations for a Meeting of States Parties, list late notes, export the list of participants.",
        discussion: ExitStatus.summary,
        version: version,
        subcommands: [
            MeetingCommand.self,
            Register.self,
            Delegations.self,
            FindPerson.self,
            ListLate.self,
            ExportRoster.self,
            Document.self,
            Treaty.self,
            Demo.self,
            Import.self,
            Stats.self,
            AbsentStates.self,
            Credentials.self,
            FocalPointCommand.self,
            SubmissionCommand.self,
            History.self,
            Withdraw.self,
            Accept.self,
            Decline.self,
            Correct.self,
            Void.self,
            Restore.self,
            Undo.self,
            User.self,
            Backup.self,
            Serve.self,
            Mail.self,
        ]
    )

    package init() {}

    /// Parses and runs a command line. Every failure is one line on standard error and a documented status;
    /// `--help` and `--version` print in full and exit 0.
    package static func run(arguments: [String]) -> Int32 {
        keepStandardDescriptorsTaken()
        let status = runCommand(arguments)
        // What was printed is only out once flushed: a full disk, /dev/full or a closed standard output is an error.
        let failed = msp_flush_standard_output()
        guard failed == 0 else {
            complain(OutputTarget.failure("standard output", Errno(rawValue: failed)).message)
            return status == 0 ? ExitStatus.ioError.rawValue : status
        }
        return status
    }

    /// A program started with standard input, output or error closed would get the database's descriptor as one of
    /// them, and print into the database. Each closed one is taken by /dev/null opened read-only: reading it gives
    /// nothing, and writing to it fails (EBADF), as writing to a closed descriptor does.
    static func keepStandardDescriptorsTaken() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    static func runCommand(_ arguments: [String]) -> Int32 {
        // `msp --version` alone is answered before the command tree is built: ArgumentParser's parse of the root
        // first looks through every option of the tree (Mirror and a protocol-conformance search per type), two
        // thirds of what `--version` cost (bench/results.md, "Profile"). It prints what ArgumentParser prints.
        if arguments == ["--version"] {
            print(version)
            return 0
        }
        if let problem = unknownCommand(arguments) {
            complain(problem)
            return ExitStatus.usage.rawValue
        }
        do {
            var command = try parseLeaf(arguments) ?? parseAsRoot(arguments)
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
                // A mistyped option first: the missing required option ArgumentParser reports is usually that one.
                if let problem = unknownOption(arguments) {
                    complain(problem)
                    return ExitStatus.usage.rawValue
                }
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

    /// The command a line names, parsed with that command's type alone when it is a leaf and the line asks for
    /// nothing ArgumentParser answers itself; nil otherwise, or when that parse fails.
    ///
    /// ArgumentParser's parse of the root first builds every command of the tree by reflection (a protocol-conformance
    /// search per type): 42% of what `register` cost (bench/results.md, "Profile"). The leaf's own parse runs the same
    /// option parsing and `validate()`; no command with subcommands takes options of its own, so the root and the
    /// groups have nothing to add. Any error here falls back to the full parse, which gives the messages, usage lines
    /// and statuses of every malformed line.
    static func parseLeaf(_ arguments: [String]) -> (any ParsableCommand)? {
        let (command, path) = command(arguments)
        guard !path.isEmpty, command.configuration.subcommands.isEmpty,
            !arguments.contains(where: asksArgumentParser)
        else { return nil }
        return try? command.parseAsRoot(Array(arguments.dropFirst(path.count)))
    }

    /// Whether an argument is one ArgumentParser answers for the whole tree: help, the version, completion scripts.
    static func asksArgumentParser(_ argument: String) -> Bool {
        ["-h", "--help", "help", "--version"].contains(argument)
            || argument.hasPrefix("--generate-completion-script") || argument.hasPrefix("--experimental-dump-help")
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

    /// The command a command line names, and the path of subcommand names to it.
    static func command(_ words: [String]) -> (command: any ParsableCommand.Type, path: [String]) {
        let path = commandPath(words)
        var command: any ParsableCommand.Type = MSP.self
        for name in path {
            for subcommand in command.configuration.subcommands where subcommand._commandName == name {
                command = subcommand
            }
        }
        return (command, path)
    }

    /// A subcommand that does not exist ("msp regster", "msp help regster"), with the nearest name; checked before
    /// ArgumentParser reads the line, which would call it an unexpected argument (or show the root's help for
    /// `help`, successfully).
    static func unknownCommand(_ arguments: [String]) -> String? {
        let isHelp = arguments.first == "help"
        let words = isHelp ? Array(arguments.dropFirst()) : arguments
        let (command, path) = command(words)
        let shown = (["msp"] + path).joined(separator: " ")
        var subcommands: [String] = []
        for subcommand in command.configuration.subcommands { subcommands.append(subcommand._commandName) }
        guard path.count < words.count, !subcommands.isEmpty, let next = words.dropFirst(path.count).first,
            !next.hasPrefix("-") || isHelp
        else { return nil }
        let nearest = EditDistance.nearest(to: next, among: subcommands.map { (NameKey.of($0), $0) }, limit: 1)
        return "'\(next)' is not a command of \(shown)\(nearest.first.map { " (did you mean \($0)?)" } ?? "")"
            + " (see '\(shown) --help')"
    }

    /// An option the command does not take, with the nearest name: reported before a required option is missing.
    static func unknownOption(_ arguments: [String]) -> String? {
        let (command, path) = command(arguments)
        guard command.configuration.subcommands.isEmpty else { return nil }
        let shown = (["msp"] + path).joined(separator: " ")
        let known = options(of: command)
        for argument in arguments.dropFirst(path.count) {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard !known.contains(name) else { continue }
            let nearest = EditDistance.nearest(
                to: name, among: known.map { (NameKey.of($0), $0) }, limit: 1)
            return "unknown option '\(name)'\(nearest.first.map { " (did you mean \($0)?)" } ?? "")"
                + " (see '\(shown) --help')"
        }
        return nil
    }

    /// The long options a command takes, as its help lists them.
    static func options(of command: any ParsableCommand.Type) -> Set<String> {
        let help = MSP.helpMessage(for: command, includeHidden: true, columns: 10_000)
        var names: Set<String> = ["--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        var index = help.startIndex
        while let range = help.range(of: "--", range: index..<help.endIndex) {
            var end = range.upperBound
            while end < help.endIndex, help[end].isLetter || help[end].isNumber || help[end] == "-" {
                end = help.index(after: end)
            }
            if end > range.upperBound { names.insert(String(help[range.lowerBound..<end])) }
            index = end
        }
        return names
    }

    static func complain(_ message: String) {
        FileHandle.standardError.write(Data("msp: \(visible(message))\n".utf8))
    }

    /// "msp: warning: ...", on standard error: something recorded all the same that the clerk should check.
    static func warn(_ message: String?) {
        if let message { complain("warning: " + message) }
    }

    /// Text for one line of a terminal: a line break becomes a space; every other character input may not hold
    /// (`TextRule`: control characters and explicit bidirectional controls) is shown as `\u{1B}`, so refused
    /// input echoed in an error line can neither clear the screen, set the window title, overwrite the line (CR) nor
    /// reorder it.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                out.append(" ")
            } else if TextRule.refuses(scalar) {
                out.append("\\u{\(String(scalar.value, radix: 16, uppercase: true))}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
