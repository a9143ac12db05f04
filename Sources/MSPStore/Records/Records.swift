import GRDB
import MSPDomain

// One record type per table, Codable, with the table's column names.

public struct MeetingRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "meeting"
    public var id: Int64?
    public var code: String
    public var title: String
    public var convention: String
    public var venue: String?
    public var opensOn: String
    public var closesOn: String
    public var timeZone: String
    public var deadlineAt: Int64
    public var deadlineOn: String?
    public var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, code, title, convention, venue
        case opensOn = "opens_on", closesOn = "closes_on", timeZone = "time_zone"
        case deadlineAt = "deadline_at", deadlineOn = "deadline_on", createdAt = "created_at"
    }

    public enum Columns {
        public static let code = Column(CodingKeys.code)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(_ meeting: Meeting, createdAt: Instant) {
        code = meeting.code
        title = meeting.title
        convention = meeting.convention
        venue = meeting.venue
        opensOn = meeting.opens.description
        closesOn = meeting.closes.description
        timeZone = meeting.timeZone.identifier
        deadlineAt = meeting.deadline.closesAt.secondsSinceEpoch
        deadlineOn = meeting.deadline.day?.description
        self.createdAt = createdAt.secondsSinceEpoch
    }

    /// The domain meeting; the row was checked when written, so a failure here means the file was edited by hand.
    public func meeting() throws -> Meeting {
        let zone = try VenueTimeZone(checked: timeZone)
        let deadline: Deadline
        if let deadlineOn, let day = LocalDate(iso: deadlineOn) {
            deadline = .endOfDay(day, closesAt: Instant(secondsSinceEpoch: deadlineAt))
        } else {
            deadline = .instant(Instant(secondsSinceEpoch: deadlineAt))
        }
        guard let opens = LocalDate(iso: opensOn), let closes = LocalDate(iso: closesOn) else {
            throw InputError("meeting \(code) has malformed dates in the database")
        }
        return try Meeting(code: code, title: title, convention: convention, venue: venue, opens: opens, closes: closes,
                           timeZone: zone, deadline: deadline)
    }
}

public struct ChangeRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "change"
    public var id: Int64?
    public var madeAt: Int64
    public var osUser: String
    public var command: String
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case id, command, summary
        case madeAt = "made_at", osUser = "os_user"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct OrganizationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "organization"
    public var id: Int64?
    public var name: String
    public var nameKey: String
    public var acronym: String?
    public var category: String
    public var aliases: String

    enum CodingKeys: String, CodingKey {
        case id, name, acronym, category, aliases
        case nameKey = "name_key"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public init(_ organization: Organization) {
        name = organization.name
        nameKey = NameKey.of(organization.name)
        acronym = organization.acronym
        category = organization.category.rawValue
        aliases = organization.aliases.joined(separator: "|")
    }

    public var organization: Organization {
        Organization(name: name, acronym: acronym, category: Category(rawValue: category) ?? .civilSociety,
                     aliases: aliases.split(separator: "|").map(String.init))
    }
}

public struct DelegationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "delegation"
    public var id: Int64?
    public var meetingId: Int64
    public var stateIso3: String?
    public var organizationId: Int64?
    public var name: String
    public var sortKey: String
    public var compositionNoteId: Int64?
    public var withdrawn: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, withdrawn
        case meetingId = "meeting_id", stateIso3 = "state_iso3", organizationId = "organization_id"
        case sortKey = "sort_key", compositionNoteId = "composition_note_id"
    }

    public enum Columns {
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let stateIso3 = Column(CodingKeys.stateIso3)
        public static let organizationId = Column(CodingKeys.organizationId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct NoteRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "note"
    public var id: Int64?
    public var meetingId: Int64
    public var delegationId: Int64
    public var changeId: Int64
    public var kind: String
    public var reference: String?
    public var receivedAt: Int64
    public var receivedPrecision: String
    public var channel: String?
    public var participantCount: Int

    enum CodingKeys: String, CodingKey {
        case id, kind, reference, channel
        case meetingId = "meeting_id", delegationId = "delegation_id", changeId = "change_id"
        case receivedAt = "received_at", receivedPrecision = "received_precision", participantCount = "participant_count"
    }

    public enum Columns {
        public static let delegationId = Column(CodingKeys.delegationId)
        public static let receivedAt = Column(CodingKeys.receivedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A participant as a note lists it; identified by its note and its place in the note (the table has no rowid).
public struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "participant"
    public var noteId: Int64
    public var position: Int
    public var role: String
    public var title: String?
    public var name: String
    public var function: String?
    public var gender: String?
    public var email: String?

    enum CodingKeys: String, CodingKey {
        case position, role, title, name, function, gender, email
        case noteId = "note_id"
    }

    public init(noteId: Int64, position: Int, _ participant: Participant) {
        self.noteId = noteId
        self.position = position
        role = participant.role.rawValue
        title = participant.title
        name = participant.name
        function = participant.function
        gender = participant.gender?.rawValue
        email = participant.email
    }

    public var participant: Participant {
        Participant(role: Role(rawValue: role) ?? .adviser, title: title, name: name, function: function,
                    gender: gender.flatMap(Gender.init(rawValue:)), email: email)
    }
}

public struct TreatyMembershipRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "treaty_membership"
    public var convention: String
    public var stateIso3: String
    public var signedOn: String?
    public var consentedOn: String?
    public var consentKind: String?
    public var withdrawalOn: String?

    enum CodingKeys: String, CodingKey {
        case convention
        case stateIso3 = "state_iso3", signedOn = "signed_on", consentedOn = "consented_on"
        case consentKind = "consent_kind", withdrawalOn = "withdrawal_on"
    }

    public enum Columns {
        public static let convention = Column(CodingKeys.convention)
    }

    public init(convention: String, _ record: MembershipRecord) {
        self.convention = convention
        stateIso3 = record.iso3
        signedOn = record.signed?.description
        consentedOn = record.consented?.description
        consentKind = record.consentKind?.rawValue
        withdrawalOn = record.withdrawalEffective?.description
    }

    public var record: MembershipRecord {
        MembershipRecord(iso3: stateIso3, signed: signedOn.flatMap { LocalDate(iso: $0) },
                         consented: consentedOn.flatMap { LocalDate(iso: $0) },
                         consentKind: consentKind.flatMap(ConsentKind.init(rawValue:)),
                         withdrawalEffective: withdrawalOn.flatMap { LocalDate(iso: $0) })
    }
}
