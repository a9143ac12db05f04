/// The check an e-mail address passes wherever msp keeps one: a participant's, a focal point's.
package enum EmailAddress {
    /// The address trimmed, or nil for an empty one; one with control characters, without exactly one '@' with
    /// something before it, without a dot after it, or with a space, is refused on `field`.
    package static func checked(_ raw: String?, field: @autoclosure () -> FieldPath) throws -> String? {
        guard let raw else { return nil }
        try raw.checkedText("email", field: field())
        guard let email = raw.trimmedOrNil else { return nil }
        guard isAddress(email) else { throw InputError("'\(email)' is not an e-mail address", field: field()) }
        return email
    }

    /// Exactly one '@' with something before it, a dot after it, and no space.
    ///
    /// Hand-written on bytes for ASCII text, where each byte is a character: the rule on characters (`split`,
    /// and Foundation's `contains` for a string) cost an import about 11,000 instructions per address (bench/results.md,
    /// "Profile"). Other text keeps the rule on characters, which a combining mark after '@', '.' or a space changes.
    static func isAddress(_ email: String) -> Bool {
        guard email.utf8.allSatisfy({ $0 < 0x80 }) else { return isAddressByCharacters(email) }
        var at: Int? = nil
        var dotAfterAt = false
        for (offset, byte) in email.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "@"):
                guard at == nil else { return false }
                at = offset
            case UInt8(ascii: "."): if at != nil { dotAfterAt = true }
            case UInt8(ascii: " "): return false
            default: break
            }
        }
        guard let at, at > 0 else { return false }
        return dotAfterAt
    }

    /// The rule on characters, for any text.
    static func isAddressByCharacters(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(" ")
    }
}
