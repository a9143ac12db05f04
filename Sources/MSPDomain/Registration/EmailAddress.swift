/// The check an e-mail address passes wherever msp keeps one: a participant's, a focal point's.
public enum EmailAddress {
    /// The address trimmed, or nil for an empty one; one with control characters, without exactly one '@' with
    /// something before it, without a dot after it, or with a space, is refused on `field`.
    public static func checked(_ raw: String?, field: FieldPath) throws -> String? {
        guard let raw else { return nil }
        try raw.checkedText("email", field: field)
        guard let email = raw.trimmedOrNil else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") else {
            throw InputError("'\(email)' is not an e-mail address", field: field)
        }
        return email
    }
}
