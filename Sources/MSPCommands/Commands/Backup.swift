import ArgumentParser
import Foundation
import MSPApplication

extension MSP {
    /// `msp backup`: a consistent copy of the database, taken while others may be writing to it.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the database (SQLite online backup), readable by its owner only.",
            discussion: """
                Safe while other msp processes write: the copy is the database as of one moment. An existing file is \
                not replaced unless --force is given. To restore, see "msp backup" in README.md.

                Example: msp backup backups/7msp-2017-08-18.sqlite
                """)

        @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "path"))
        var path: String

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Replace the file at PATH if there is one.")
        var force = false

        init() {}

        func run() throws {
            let source = database.path
            guard FileManager.default.fileExists(atPath: source) else {
                throw CommandFailure(.noInput, "\(source): no such database")
            }
            let target = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw CommandFailure(.cantCreate, "\(path): is a folder: give the path of the copy")
                }
                if !force { throw CommandFailure(.cantCreate, "\(path): already exists: give --force to replace it") }
            }
            let folder = target.deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw CommandFailure(.cantCreate, "\(path): the folder \(folder) does not exist")
            }
            if URL(fileURLWithPath: source).standardizedFileURL.path == target.standardizedFileURL.path {
                throw CommandFailure(.cantCreate, "\(path): is the database itself")
            }
            let pages: Int
            do {
                pages = try RegistrationDesk.backup(from: source, to: target.path, replacing: force)
            } catch let error as any DatabaseFailure {
                throw CommandFailure(.cantCreate, error.description)
            }
            print("Wrote a copy of \(source) to \(path) (\(pages) pages, integrity checked).")
        }
    }
}
