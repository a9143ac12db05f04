import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MSP.User {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account: secretariat (records and decides) or viewer (reads).",
            discussion: """
                The password is asked twice, not shown, when standard input is a terminal; otherwise it is the first \
                line of --password-file (- for standard input). At least 12 characters; kept only as a bcrypt hash.

                Example: msp user add j.dupont --role secretariat
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The account's name: letters, digits, '.', '_', '-' or '@'.", valueName: "name"))
        var name: String

        @Option(help: "secretariat or viewer.")
        var role: AccountRole

        @Option(
            name: .customLong("password-file"),
            help: ArgumentHelp(
                "Read the password from the first line of this file (- for standard input).", valueName: "file"))
        var passwordFile: String?

        func run() throws {
            let password = try readPassword()
            let account = try database.withDesk { try $0.addAccount(name: name, role: role, password: password) }
            database.confirm("Added the \(account.role.rawValue) account \(account.name).")
        }

        func readPassword() throws -> String {
            if let passwordFile {
                let data = try InputFile.read(passwordFile)
                guard let text = String(data: data, encoding: .utf8) else {
                    throw CommandFailure(.dataError, "\(passwordFile): the password is not UTF-8 text")
                }
                return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            }
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure(
                    .usage, "give --password-file FILE (or - for standard input) when not at a terminal")
            }
            let first = try Self.prompt("Password for \(name): ")
            let second = try Self.prompt("Again: ")
            guard first == second else { throw CommandFailure(.dataError, "password: the two passwords differ") }
            return first
        }

        /// Reads one line from the terminal with echo off (termios), restoring the terminal however it ends.
        static func prompt(_ text: String) throws -> String {
            FileHandle.standardError.write(Data(text.utf8))
            var saved = termios()
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
            defer {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw CommandFailure(.dataError, "password: nothing was typed")
            }
            return line
        }
    }
}

extension AccountRole: ExpressibleByArgument {}
