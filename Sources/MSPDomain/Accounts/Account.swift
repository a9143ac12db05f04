/// What a secretariat account may do in the portal.
package enum AccountRole: String, CaseIterable, Sendable, Codable {
    /// Records and decides: accepts or returns submissions, corrects, decides on late notes.
    case secretariat
    /// Reads: the queue, the list of participants, the figures.
    case viewer
}

/// A secretariat account as the portal knows it (never its password or hash).
package struct Account: Hashable, Sendable {
    package var name: String
    package var role: AccountRole
    package var createdAt: Instant
    /// When it was disabled; nil while it can sign in.
    package var disabledAt: Instant?

    package init(name: String, role: AccountRole, createdAt: Instant, disabledAt: Instant? = nil) {
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    package var isActive: Bool { disabledAt == nil }
}

extension FieldPath {
    package static let accountName = key("name")
    package static let password = key("password")
    package static let role = key("role")
}

/// The rules of accounts: names people can type, passwords long enough, and how many failed sign-ins are allowed.
package enum AccountRules {
    /// A name of 1 to 64 letters, digits, '.', '_' or '-' (an e-mail-like "j.dupont" or "jdupont").
    package static func name(_ raw: String) throws -> String {
        let name = try raw.checkedText("account name", field: .accountName).trimmed
        guard !name.isEmpty else { throw InputError("the account name is empty", field: .accountName) }
        guard name.count <= 64,
            name.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || "._-@".unicodeScalars.contains($0))
            })
        else {
            throw InputError(
                "'\(name)' is not an account name: use letters, digits, '.', '_', '-' or '@' (at most 64)",
                field: .accountName)
        }
        return name
    }

    /// The shortest password taken: a passphrase, not a PIN (NIST SP 800-63B asks for at least 8; the secretariat's
    /// accounts decide registrations, so msp asks for 12).
    package static let minimumPasswordLength = 12

    /// A password as given: at least `minimumPasswordLength` characters, at most 72 bytes (bcrypt reads no more),
    /// no control characters.
    package static func password(_ raw: String) throws -> String {
        guard raw.count >= minimumPasswordLength else {
            throw InputError("the password is shorter than \(minimumPasswordLength) characters", field: .password)
        }
        guard raw.utf8.count <= 72 else {
            throw InputError("the password is longer than 72 bytes, which bcrypt would cut", field: .password)
        }
        try raw.checkedText("password", field: .password)
        return raw
    }

    /// Failed sign-ins counted over this many seconds.
    package static let failureWindow: Int64 = 15 * 60
    /// At most this many failures for one account name within the window; then it waits.
    package static let failuresPerName = 5
    /// At most this many failures from one address within the window, whatever the names tried.
    package static let failuresPerAddress = 20

    /// Whether sign-in is held back, given the failures within the window for the name and for the address.
    package static func isThrottled(failuresForName: Int, failuresFromAddress: Int) -> Bool {
        failuresForName >= failuresPerName || failuresFromAddress >= failuresPerAddress
    }
}
