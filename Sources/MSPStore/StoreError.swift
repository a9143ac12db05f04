import MSPDomain

/// Why the store refuses to work on a database file, or cannot finish what it was asked.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The database was written by a newer msp, whose migrations this binary does not know.
    case newerSchema(databaseVersion: Int, binaryVersion: Int, unknown: [String])
    /// The file is not an SQLite database, or SQLite finds it damaged.
    case notADatabase(path: String, reason: String)
    /// The file cannot be opened or created at all (no such folder, no permission).
    case cannotOpen(path: String, reason: String)
    /// SQLite opened the file but may not read or write it (permissions, a read-only file or file system).
    case notWritable(path: String, reason: String)
    /// Other processes kept the file busy longer than the busy timeout while it was switched to WAL mode.
    case busy(path: String, seconds: Int)
    /// A file that msp would create already exists.
    case inTheWay(path: String)
    /// A file that msp would write appeared while it was working.
    case appeared(path: String, while: String)
    /// A finished file could not be put in place.
    case cannotWrite(path: String, reason: String)
    /// A backup's copy fails SQLite's integrity check.
    case copyFailsIntegrityCheck(source: String, problems: [String])
    /// A column holds a value this msp does not know (a file edited by hand, or written by another program).
    case corrupt(table: String, column: String, value: String)

    public var description: String {
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
        case .busy(let path, let seconds):
            return "\(path) is kept busy by other processes: it could not be switched to WAL mode within \(seconds) s"
        case .inTheWay(let path):
            return "\(path) exists already: a file of that name is in the way"
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
