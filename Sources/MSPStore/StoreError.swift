import MSPDomain

/// Why the store refuses to work on a database file.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The database was written by a newer msp, whose migrations this binary does not know.
    case newerSchema(databaseVersion: Int, binaryVersion: Int, unknown: [String])
    /// The file is not an SQLite database msp can open.
    case notADatabase(path: String, reason: String)
    /// The file cannot be opened or created at all (no such folder, no permission).
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .newerSchema(let databaseVersion, let binaryVersion, let unknown):
            return "the database has schema version \(databaseVersion) (it has \(unknown.joined(separator: ", ")), written by a newer msp); this msp knows schema version \(binaryVersion): use a newer msp — the database was not touched"
        case .cannotOpen(let path, let reason):
            return "cannot open or create the database \(path): \(reason)"
        case .notADatabase(let path, let reason):
            return "\(path) is not an msp database: \(reason)"
        }
    }
}
