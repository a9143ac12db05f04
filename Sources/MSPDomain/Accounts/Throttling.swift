/// How many failed look-ups of focal points' links an address may make before it is held back.
///
/// A link's token has 256 random bits, so guessing one is hopeless; the limit stops an address from trying at all
/// (a scanner, a script replaying old links), and makes a revoked link that keeps being tried visible. It is per
/// address, not per link: whoever is held back gets 429 for every token, a working one too, until the window
/// passes, so that a good guess cannot be told from a bad one while held back. A mission behind one address with a
/// few stale links stays well under it.
package enum LinkRules {
    /// Failed look-ups counted over this many seconds.
    package static let failureWindow: Int64 = 15 * 60
    /// At most this many failed look-ups from one address within the window; then every look-up from it waits.
    package static let failuresPerAddress = 20

    /// Whether link look-ups from an address are held back, given its failures within the window.
    package static func isThrottled(failuresFromAddress: Int) -> Bool {
        failuresFromAddress >= failuresPerAddress
    }
}

/// The rules of the portal's sessions.
package enum SessionRules {
    /// The longest a session id may be (the portal's are 44 characters of base64).
    package static let maximumIdLength = 256
}

extension FieldPath {
    /// A portal session's id.
    package static let session = key("session")
}
