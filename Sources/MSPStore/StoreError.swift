import MSPDomain
import MSPFiles

/// Why the store refuses to work on a database file, or cannot finish what it was asked.
package enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The database was written by a newer msp, whose migrations this binary does not know.
    case newerSchema(databaseVersion: Int, binaryVersion: Int, unknown: [String])
    /// The file is not an SQLite database, or SQLite finds it damaged.
    case notADatabase(path: String, reason: String)
    /// The file cannot be opened or created at all (no such folder, no permission).
    case cannotOpen(path: String, reason: String)
    /// SQLite opened the file but may not read or write it (permissions, a read-only file or file system).
    case notWritable(path: String, reason: String)
    /// The file has more than one name (hard links): SQLite's locks cannot keep writers through two names apart.
    case hardLinked(path: String, links: Int)
    /// An SQLite file that is neither empty nor an msp database (another application's).
    case notMsp(path: String, tables: [String])
    /// Another process kept the file busy (writing) longer than the busy timeout.
    case busy(path: String, seconds: Int)
    /// SQLite found a damaged page while reading or writing.
    case damaged(path: String, reason: String)
    /// The disk holding the database is full.
    case diskFull(path: String)
    /// A read or write of the database failed (not a full disk).
    case ioError(path: String, reason: String)
    /// A file that msp would write appeared while it was working.
    case appeared(path: String, while: String)
    /// A finished file could not be put in place.
    case cannotWrite(path: String, reason: String)
    /// A backup's copy fails SQLite's integrity check.
    case copyFailsIntegrityCheck(source: String, problems: [String])
    /// A column holds a value this msp does not know (a file edited by hand, or written by another program).
    case corrupt(table: String, column: String, value: String)

    package var description: String {
        switch self {
        case .newerSchema(let databaseVersion, let binaryVersion, let unknown):
            return
                "the database has schema version \(databaseVersion) (it has \(unknown.joined(separator: ", ")), written by a newer msp); this msp knows schema version \(binaryVersion): use a newer msp — the database was not touched"
        case .notADatabase(let path, let reason):
            return "\(path) is not an msp database: \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot open or create the database \(path): \(reason)"
        case .notWritable(let path, let reason):
            return "cannot use the database \(path): \(reason)"
        case .hardLinked(let path, let links):
            return
                "\(path) has \(links) names (hard links): SQLite's locks cannot keep two msp processes writing through two names apart, so writes would be lost; keep one name (remove the other links) — the database was not touched"
        case .notMsp(let path, let tables):
            return
                "\(path) is another application's SQLite database (it holds \(tables.prefix(3).joined(separator: ", "))\(tables.count > 3 ? ", ..." : "")), not an msp database: give msp a file of its own — the file was not touched"
        case .busy(let path, let seconds):
            return
                "another msp is writing to \(path) and did not finish within \(seconds) s: nothing was written; run the command again when it has finished (a long import, or an msp stopped at a prompt?)"
        case .damaged(let path, let reason):
            return
                "the database \(path) is damaged (SQLite: \(reason)): nothing was changed; restore the latest backup as README's 'msp backup' section says (move the file and its -wal aside, copy the backup in its place)"
        case .diskFull(let path):
            return
                "the disk holding \(path) is full: nothing was written; free some space and run the command again"
        case .ioError(let path, let reason):
            return "a read or write of \(path) failed (SQLite: \(reason)): nothing was written"
        case .appeared(let path, let work):
            return "\(path) appeared while the \(work) ran: it was left as it is"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .copyFailsIntegrityCheck(let source, let problems):
            return "the copy of \(source) fails its integrity check: \(problems.prefix(3).joined(separator: "; "))"
        case .corrupt(let table, let column, let value):
            return "the database holds '\(value)' in \(table).\(column), which this msp does not know"
        }
    }
}

extension PrivateFile {
    /// Runs `create`, a private file's creation for the database (or its copy), with a failure as the store words it.
    static func creatingDatabase<T>(_ create: () throws -> T) throws -> T {
        do {
            return try create()
        } catch let failure as PrivateFile.Failure {
            throw StoreError.cannotOpen(path: failure.path, reason: failure.reason)
        }
    }
}
