import MSPDomain
import MSPStore

/// The registration desk: every operation a front end can ask of msp, on one database.
///
/// The application layer between the front ends (the command line, the web portal) and the store. Each
/// operation takes a typed request, checks it against the rules of the domain once, whichever front end asked,
/// records it through the store and returns a typed result. A request that breaks a rule fails with an
/// `InputError` that names the field it concerns (`participants[2].name`) as a value; the front end names that field
/// in its own words and picks its own status (an exit status, an HTTP status). Nothing here knows about options,
/// files or HTTP.
public struct RegistrationDesk: Sendable {
    public let store: Store
    /// Who asks: the operating-system user at the command line, the signed-in user on the web. Kept with every change.
    public var user: String
    /// The time now, for a note received "now" and for the change log (tests set it).
    public var clock: @Sendable () -> Instant
    /// The bcrypt cost of new password hashes (`defaultPasswordCost`; tests lower it).
    public var passwordCost: UInt8

    public init(
        store: Store, user: String = ChangeInfo.currentUser(), clock: @escaping @Sendable () -> Instant = { .now() },
        passwordCost: UInt8 = RegistrationDesk.defaultPasswordCost
    ) {
        self.store = store
        self.user = user
        self.clock = clock
        self.passwordCost = passwordCost
    }

    /// Who makes a change now, through which operation ("register", "import").
    func change(_ operation: String, reason: String? = nil) -> ChangeInfo {
        ChangeInfo(at: clock(), osUser: user, command: operation, reason: reason)
    }
}
