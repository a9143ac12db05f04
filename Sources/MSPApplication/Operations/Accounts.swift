import HummingbirdBcrypt
import MSPDomain
import MSPStore

extension RegistrationDesk {
    /// The bcrypt cost of new password hashes: 2^11 rounds, about 0.15 s on the project's machine, enough to make
    /// guessing slow and a sign-in still quick. Tests lower it.
    package static let defaultPasswordCost: UInt8 = 11

    /// Adds a secretariat account: a name people can type, not used already (whatever its case), and a password
    /// long enough, kept only as its bcrypt hash.
    package func addAccount(name raw: String, role: AccountRole, password: String) throws -> Account {
        let name = try AccountRules.name(raw)
        let password = try AccountRules.password(password)
        // Hashed before the write lock is taken: a bcrypt takes 150 to 200 ms, which no other writer should wait for.
        let hash = Bcrypt.hash(password, cost: passwordCost)
        return try writing {
            try store.addAccount(name: name, role: role, passwordHash: hash, change: change("user add"))
        }
    }

    /// Every account, by name.
    package func accounts() throws -> [Account] {
        try reading {
            try store.accounts()
        }
    }

    /// Disables an account: it can no longer sign in; it stays in the record.
    package func disableAccount(name raw: String) throws -> Account {
        try writing {
            let name = try AccountRules.name(raw)
            guard let account = try store.disableAccount(named: name, change: change("user disable")) else {
                throw InputError("there is no account named \(name)", field: .accountName, reason: .notFound)
            }
            return account
        }
    }

    /// Signs in: the account if the name and password match an active account; nil otherwise, with the failure
    /// counted. After `AccountRules.failuresPerName` failures for a name, or `failuresPerAddress` from an address,
    /// within `AccountRules.failureWindow`, every attempt is refused (reason `.throttled`) until the window passes,
    /// whether the password is right or not.
    package func signIn(name raw: String, password: String, from address: String) throws -> Account? {
        let name = raw.trimmed
        let now = clock()
        // Read in one transaction, the password checked outside any (a bcrypt takes 200 ms, which no writer should
        // wait for), a failure recorded in a transaction of its own.
        let found = try reading { () throws -> (account: Account, passwordHash: String)? in
            let failures = try store.loginFailures(
                name: name, address: address, since: now.adding(seconds: -AccountRules.failureWindow))
            guard
                !AccountRules.isThrottled(failuresForName: failures.forName, failuresFromAddress: failures.fromAddress)
            else {
                throw InputError(
                    "too many failed sign-ins: try again in \(AccountRules.failureWindow / 60) minutes",
                    field: .password, reason: .throttled)
            }
            return try store.account(named: name)
        }
        if let found, found.account.isActive, Bcrypt.verify(password, hash: found.passwordHash) {
            return found.account
        }
        try writing { try store.recordLoginFailure(name: name, address: address, at: now) }
        return nil
    }
}
