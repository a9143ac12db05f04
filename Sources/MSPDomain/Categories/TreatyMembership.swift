/// How a State expressed its consent to be bound.
package enum ConsentKind: String, CaseIterable, Sendable, Codable {
    case ratification, accession, acceptance, approval

    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> ConsentKind {
        if let kind = ConsentKind(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) { return kind }
        throw InputError(
            "'\(raw)' is not a kind of consent: one of ratification, accession, acceptance, approval", field: field)
    }
}

/// One State's record under a convention: signature, deposit of its instrument, withdrawal.
package struct MembershipRecord: Hashable, Sendable, Codable {
    package var iso3: String
    package var signed: LocalDate?
    package var consented: LocalDate?
    package var consentKind: ConsentKind?
    package var withdrawalEffective: LocalDate?

    package init(
        iso3: String, signed: LocalDate? = nil, consented: LocalDate? = nil, consentKind: ConsentKind? = nil,
        withdrawalEffective: LocalDate? = nil
    ) {
        self.iso3 = iso3
        self.signed = signed
        self.consented = consented
        self.consentKind = consentKind
        self.withdrawalEffective = withdrawalEffective
    }

    /// Whether the State is withdrawn on `day`.
    package func isWithdrawn(on day: LocalDate) -> Bool {
        withdrawalEffective.map { $0 <= day } ?? false
    }
}

/// A State's standing under a convention on a given day.
package enum TreatyStanding: Sendable, Hashable {
    case party
    case signatory
    case none

    package var category: Category {
        switch self {
        case .party: return .statesParties
        case .signatory: return .signatoryStates
        case .none: return .observerStates
        }
    }
}

/// The signatures and consents of a convention: which States are Parties and which signatories on a day.
///
/// A State is a Party from the deposit of its instrument of ratification, acceptance, approval or accession
/// (the Convention's own count: Madagascar became the 101st State Party on 20 May 2017) until a withdrawal
/// takes effect. A signatory has signed and is not a Party. A State that withdrew is neither.
package struct TreatyMembership: Sendable {
    package let convention: String
    /// The date the convention entered into force (Article 17(1): CCM, 1 August 2010), if known.
    package let entryIntoForce: LocalDate?
    package private(set) var records: [String: MembershipRecord]

    package init(convention: String, records: [MembershipRecord], entryIntoForce: LocalDate? = nil) {
        self.convention = convention
        self.records = Dictionary(records.map { ($0.iso3, $0) }, uniquingKeysWith: { _, last in last })
        self.entryIntoForce = entryIntoForce ?? TreatyMembership.knownEntryIntoForce[convention]
    }

    package static let knownEntryIntoForce: [String: LocalDate] = ["CCM": LocalDate(year: 2010, month: 8, day: 1)!]

    package func standing(of iso3: String, on day: LocalDate) -> TreatyStanding {
        guard let record = records[iso3], !record.isWithdrawn(on: day) else { return .none }
        if let consented = record.consented, consented <= day { return .party }
        if let signed = record.signed, signed <= day { return .signatory }
        return .none
    }

    package func category(of iso3: String, on day: LocalDate) -> Category {
        standing(of: iso3, on: day).category
    }

    /// A State's category at a meeting: its standing on the meeting's opening day.
    package func category(of iso3: String, at meeting: Meeting) -> Category {
        category(of: iso3, on: meeting.opens)
    }

    /// The States Parties on `day`, in order of deposit.
    package func parties(on day: LocalDate) -> [MembershipRecord] {
        records.values.filter { standing(of: $0.iso3, on: day) == .party }
            .sorted { ($0.consented!, $0.iso3) < ($1.consented!, $1.iso3) }
    }

    /// The signatory States on `day`, in order of signature.
    package func signatories(on day: LocalDate) -> [MembershipRecord] {
        records.values.filter { standing(of: $0.iso3, on: day) == .signatory }
            .sorted { ($0.signed!, $0.iso3) < ($1.signed!, $1.iso3) }
    }

    /// Article 17: the convention enters into force for a State on the first day of the sixth month after the
    /// month of its deposit, and never before the convention's own entry into force. Madagascar deposited on
    /// 20 May 2017: 1 November 2017; Norway, in 2008: 1 August 2010; the United Kingdom, on 4 May 2010 (after the
    /// thirtieth instrument, before the convention was in force): 1 November 2010.
    package func entryIntoForce(for record: MembershipRecord) -> LocalDate? {
        guard let consented = record.consented else { return nil }
        let own = consented.firstOfMonth(after: 6)
        guard let general = entryIntoForce else { return own }
        return max(own, general)
    }

    package mutating func record(_ record: MembershipRecord) {
        records[record.iso3] = record
    }
}
