import Foundation
import MSPDomain
import MSPFiles
import MSPStore

/// The registration desk: every operation a front end can ask of msp, on one database.
///
/// The application layer between the front ends (the command line, the web portal) and the store. Each
/// operation takes a typed request, checks it against the rules of the domain once, whichever front end asked,
/// records it through the store and returns a typed result. A request that breaks a rule fails with an
/// `InputError` that names the field it concerns (`participants[2].name`) as a value; the front end names that field
/// in its own words and picks its own status (an exit status, an HTTP status). Nothing here knows about options,
/// files or HTTP.
package struct RegistrationDesk: Sendable {
    package let store: Store
    /// Who asks: the operating-system user at the command line, the signed-in user on the web. Kept with every change.
    package var user: String
    /// The time now, for a note received "now" and for the change log (tests set it).
    package var clock: @Sendable () -> Instant
    /// The bcrypt cost of new password hashes (`defaultPasswordCost`; tests lower it).
    package var passwordCost: UInt8

    package init(
        store: Store, user: String = ChangeInfo.currentUser(), clock: @escaping @Sendable () -> Instant = { .now() },
        passwordCost: UInt8 = RegistrationDesk.defaultPasswordCost
    ) {
        self.store = store
        self.user = user
        self.clock = clock
        self.passwordCost = passwordCost
    }

    /// Runs one operation that records something in one IMMEDIATE transaction: everything its rules read and
    /// everything it writes, committed together if it returns, rolled back if it throws.
    ///
    /// The transaction holds the database's write lock from its first statement, so a rule (is the delegation
    /// withdrawn already? was this note typed today?) is checked on what no other process or thread can change
    /// before the write it allows. Every store call inside joins it (`Store.operation`). Keep slow work that
    /// needs no database (a password hash) outside.
    func writing<T>(_ operation: () throws -> T) throws -> T {
        try store.operation(.write, operation)
    }

    /// Runs one operation that only reads in one read transaction: everything it reads is one state of the
    /// database, and it never waits for a writer.
    func reading<T>(_ operation: () throws -> T) throws -> T {
        try store.operation(.read, operation)
    }

    /// Runs several of the desk's reads as one: everything `reads` asks of the desk sees one state of the database
    /// (a page that shows the statistics beside the queue's counts never shows two moments).
    package func together<T>(_ reads: () throws -> T) throws -> T {
        try reading(reads)
    }

    /// Who makes a change now, through which operation ("register", "import").
    func change(_ operation: String, reason: String? = nil) -> ChangeInfo {
        ChangeInfo(at: clock(), osUser: user, command: operation, reason: reason)
    }
}

extension RegistrationDesk {
    /// How a front end opens a desk's database: `Store.Access` as the application names it.
    package enum DatabaseUse: Sendable {
        /// A command that records something: the file created on first use, an older schema upgraded.
        case write
        /// A command that only reads: nothing is ever written to the file.
        case read
        /// `msp serve`: many requests at once, read beside the one writer.
        case service
    }

    /// Opens the database at `path` for `use`, and the desk over it.
    package static func open(path: String, for use: DatabaseUse, user: String = ChangeInfo.currentUser()) throws
        -> RegistrationDesk
    {
        switch use {
        case .write: return RegistrationDesk(store: try Store(path: path), user: user)
        case .service: return RegistrationDesk(store: try Store(path: path, access: .service), user: user)
        case .read:
            // A command that only reads a file that does not exist reads a database in memory holding only the
            // data bundled with msp; no file is created. A folder that does not exist is an error.
            if FileManager.default.fileExists(atPath: path) {
                return RegistrationDesk(store: try Store(path: path, access: .read), user: user)
            }
            guard FileManager.default.fileExists(atPath: PrivateFile.folder(of: path)) else {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(ENOENT)))
            }
            return RegistrationDesk(store: try Store.inMemory(), user: user)
        }
    }

    /// Closes the database; with `discardIfCreated`, a file this process created is removed (a first command
    /// that failed).
    package func close(discardIfCreated: Bool = false) {
        store.close(discardIfCreated: discardIfCreated)
    }

    /// Puts the file in WAL mode (readers never wait for a writer) unless it is already: called by a command that
    /// succeeded, and before a service starts.
    package func useWAL() throws {
        try store.useWAL()
    }

    /// The applied schema version (the health check reports it).
    package func schemaVersion() throws -> Int {
        try reading { try store.schemaVersion() }
    }
}
