import GRDB
import MSPDomain

/// A row of `treaty_membership`: a State's signature, consent and withdrawal under a convention.
public struct TreatyMembershipRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "treaty_membership"
    public var convention: String
    public var stateIso3: String
    public var signedOn: String?
    public var consentedOn: String?
    public var consentKind: ConsentKind?
    public var withdrawalOn: String?

    enum CodingKeys: String, CodingKey {
        case convention
        case stateIso3 = "state_iso3"
        case signedOn = "signed_on"
        case consentedOn = "consented_on"
        case consentKind = "consent_kind"
        case withdrawalOn = "withdrawal_on"
    }

    public enum Columns {
        public static let convention = Column(CodingKeys.convention)
        public static let stateIso3 = Column(CodingKeys.stateIso3)
        public static let signedOn = Column(CodingKeys.signedOn)
        public static let consentedOn = Column(CodingKeys.consentedOn)
        public static let consentKind = Column(CodingKeys.consentKind)
        public static let withdrawalOn = Column(CodingKeys.withdrawalOn)
    }

    public init(convention: String, _ record: MembershipRecord) {
        self.convention = convention
        stateIso3 = record.iso3
        signedOn = record.signed?.description
        consentedOn = record.consented?.description
        consentKind = record.consentKind
        withdrawalOn = record.withdrawalEffective?.description
    }

    public var record: MembershipRecord {
        MembershipRecord(
            iso3: stateIso3, signed: signedOn.flatMap { LocalDate(iso: $0) },
            consented: consentedOn.flatMap { LocalDate(iso: $0) },
            consentKind: consentKind,
            withdrawalEffective: withdrawalOn.flatMap { LocalDate(iso: $0) })
    }
}

extension TreatyMembershipRecord {
    /// Read column by column so that a kind of consent this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        convention = try row.decode(forColumn: Columns.convention)
        stateIso3 = try row.decode(forColumn: Columns.stateIso3)
        signedOn = try row.decode(forColumn: Columns.signedOn)
        consentedOn = try row.decode(forColumn: Columns.consentedOn)
        consentKind = try row.storedIfPresent(Columns.consentKind, of: Self.databaseTableName)
        withdrawalOn = try row.decode(forColumn: Columns.withdrawalOn)
    }
}
