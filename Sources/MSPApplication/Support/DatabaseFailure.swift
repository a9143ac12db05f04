import MSPStore

/// A database msp cannot use, or a step on it that failed, as a front end reports it.
///
/// The store's errors conform, so a front end tells its user what happened, in the store's words, and with which
/// status, without importing the store.
package protocol DatabaseFailure: Error, CustomStringConvertible {
    /// What kind of failure this is, which decides the status a front end answers with.
    var kind: DatabaseFailureKind { get }
}

/// The kinds of failure a front end tells apart.
package enum DatabaseFailureKind: Sendable {
    /// The database cannot be opened or used here (missing, not writable, hard-linked).
    case unavailable
    /// Another msp kept the database busy past the busy timeout: try again.
    case busy
    /// A read or write failed (a full disk, an I/O error).
    case io
    /// The database is not one this msp can work on, or the step was refused.
    case refused
}

extension StoreError: DatabaseFailure {
    package var kind: DatabaseFailureKind {
        switch self {
        case .cannotOpen, .notWritable, .hardLinked: .unavailable
        case .busy: .busy
        case .diskFull, .ioError: .io
        default: .refused
        }
    }
}

extension RegistrationDesk {
    /// Copies the database at `source` to `target` with SQLite's online backup, checked before it takes the name.
    ///
    /// The copy is the database as one transaction saw it, whatever other processes write meanwhile; `target` is
    /// never half written, and is replaced only when `replacing`. Returns the number of pages copied.
    package static func backup(from source: String, to target: String, replacing: Bool) throws -> Int {
        try Store.backup(from: source, to: target, replacing: replacing)
    }
}
