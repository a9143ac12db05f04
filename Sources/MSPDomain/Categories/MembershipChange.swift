/// One fact the secretariat records about a State under a convention: its signature, the deposit of its
/// instrument of consent (ratification, accession, acceptance or approval), or the day its withdrawal takes effect.
package enum MembershipChange: Sendable, Hashable {
    case signed(LocalDate)
    case consent(LocalDate, ConsentKind)
    case withdrawal(LocalDate)

    package var description: String {
        switch self {
        case .signed(let day): return "signed on \(day)"
        case .consent(let day, let kind): return "\(kind.rawValue) deposited on \(day)"
        case .withdrawal(let day): return "withdrawal effective on \(day)"
        }
    }
}

extension MembershipRecord {
    /// The record with `change` applied (a date recorded again replaces the earlier one: a correction),
    /// checked as a whole.
    package func applying(_ change: MembershipChange, field: FieldPath? = nil) throws -> MembershipRecord {
        var copy = self
        switch change {
        case .signed(let day): copy.signed = day
        case .consent(let day, let kind):
            copy.consented = day
            copy.consentKind = kind
        case .withdrawal(let day): copy.withdrawalEffective = day
        }
        try copy.check(field: field)
        return copy
    }

    /// A record that can be true: a kind of consent exactly when there is a consent; no signature after the
    /// consent (a State signs, then ratifies; one that accedes never signs); a withdrawal only of a Party, after
    /// its consent.
    package func check(field: FieldPath? = nil) throws {
        if consented != nil && consentKind == nil {
            throw InputError(
                "a consent date needs its kind: ratification, accession, acceptance or approval", field: field)
        }
        if consented == nil && consentKind != nil {
            throw InputError("a kind of consent (\(consentKind!.rawValue)) without a consent date", field: field)
        }
        if let signed, let consented, signed > consented {
            throw InputError(
                "the signature (\(signed)) would come after the deposit of the instrument (\(consented))", field: field)
        }
        if let withdrawal = withdrawalEffective {
            guard let consented else {
                throw InputError(
                    "a withdrawal (\(withdrawal)) of a State that never deposited an instrument of consent",
                    field: field)
            }
            if withdrawal <= consented {
                throw InputError(
                    "the withdrawal (\(withdrawal)) would take effect before the deposit of the instrument (\(consented))",
                    field: field)
            }
        }
    }
}
