import GRDB
import MSPDomain

/// A row of `treaty_membership`: a State's signature, consent and withdrawal under a convention.
package struct TreatyMembershipRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "treaty_membership"
    package var convention: String
    package var stateIso3: String
    package var signedOn: String?
    package var consentedOn: String?
    package var consentKind: ConsentKind?
    package var withdrawalOn: String?

    enum CodingKeys: String, CodingKey {
        case convention
        case stateIso3 = "state_iso3"
        case signedOn = "signed_on"
        case consentedOn = "consented_on"
        case consentKind = "consent_kind"
        case withdrawalOn = "withdrawal_on"
    }

    package enum Columns {
        package static let convention = Column(CodingKeys.convention)
        package static let stateIso3 = Column(CodingKeys.stateIso3)
        package static let signedOn = Column(CodingKeys.signedOn)
        package static let consentedOn = Column(CodingKeys.consentedOn)
        package static let consentKind = Column(CodingKeys.consentKind)
        package static let withdrawalOn = Column(CodingKeys.withdrawalOn)
    }

    package init(convention: String, _ record: MembershipRecord) {
        self.convention = convention
        stateIso3 = record.iso3
        signedOn = record.signed?.description
        consentedOn = record.consented?.description
        consentKind = record.consentKind
        withdrawalOn = record.withdrawalEffective?.description
    }

    package var record: MembershipRecord {
        MembershipRecord(
            iso3: stateIso3, signed: signedOn.flatMap { LocalDate(iso: $0) },
            consented: consentedOn.flatMap { LocalDate(iso: $0) },
            consentKind: consentKind,
            withdrawalEffective: withdrawalOn.flatMap { LocalDate(iso: $0) })
    }
}

extension TreatyMembershipRecord {
    /// Read column by column so that a kind of consent this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        convention = try row.decode(forColumn: Columns.convention)
        stateIso3 = try row.decode(forColumn: Columns.stateIso3)
        signedOn = try row.decode(forColumn: Columns.signedOn)
        consentedOn = try row.decode(forColumn: Columns.consentedOn)
        consentKind = try row.storedIfPresent(Columns.consentKind, of: Self.databaseTableName)
        withdrawalOn = try row.decode(forColumn: Columns.withdrawalOn)
    }
}
