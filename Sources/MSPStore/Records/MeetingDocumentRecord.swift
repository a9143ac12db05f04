import GRDB
import MSPDomain

extension DocumentKind: DatabaseValueConvertible, StoredEnum {}
extension Distribution: DatabaseValueConvertible, StoredEnum {}
extension Masthead.Language: DatabaseValueConvertible, StoredEnum {}

/// A row of `meeting_document` (migrations/0010_documents.sql): what the secretariat set for one of a meeting's
/// official documents.
public struct MeetingDocumentRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "meeting_document"
    public var meetingId: Int64
    public var kind: DocumentKind
    public var symbol: String?
    public var distribution: Distribution
    /// YYYY-MM-DD.
    public var issuedOn: String?
    public var provisional: Bool
    public var originalLanguage: Masthead.Language
    public var changeId: Int64

    enum CodingKeys: String, CodingKey {
        case kind, symbol, distribution, provisional
        case meetingId = "meeting_id"
        case issuedOn = "issued_on"
        case originalLanguage = "original_language"
        case changeId = "change_id"
    }

    public enum Columns {
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let kind = Column(CodingKeys.kind)
        public static let symbol = Column(CodingKeys.symbol)
        public static let distribution = Column(CodingKeys.distribution)
        public static let issuedOn = Column(CodingKeys.issuedOn)
        public static let provisional = Column(CodingKeys.provisional)
        public static let originalLanguage = Column(CodingKeys.originalLanguage)
        public static let changeId = Column(CodingKeys.changeId)
    }

    init(meetingId: Int64, kind: DocumentKind, masthead: Masthead, changeId: Int64) {
        self.meetingId = meetingId
        self.kind = kind
        symbol = masthead.symbol
        distribution = masthead.distribution
        issuedOn = masthead.issued?.description
        provisional = masthead.provisional
        originalLanguage = masthead.originalLanguage
        self.changeId = changeId
    }

    /// Read column by column so that a value this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
        meetingId = try row.decode(forColumn: Columns.meetingId)
        kind = try row.stored(Columns.kind, of: Self.databaseTableName)
        symbol = try row.decode(forColumn: Columns.symbol)
        distribution = try row.stored(Columns.distribution, of: Self.databaseTableName)
        issuedOn = try row.decode(forColumn: Columns.issuedOn)
        provisional = try row.decode(forColumn: Columns.provisional)
        originalLanguage = try row.stored(Columns.originalLanguage, of: Self.databaseTableName)
        changeId = try row.decode(forColumn: Columns.changeId)
    }

    /// The masthead it holds; a date that does not read is `StoreError.corrupt`, never a guess.
    func masthead() throws -> Masthead {
        var issued: LocalDate?
        if let issuedOn {
            guard let date = LocalDate(iso: issuedOn) else {
                throw StoreError.corrupt(table: Self.databaseTableName, column: "issued_on", value: issuedOn)
            }
            issued = date
        }
        return Masthead(
            symbol: symbol, distribution: distribution, issued: issued, provisional: provisional,
            originalLanguage: originalLanguage)
    }
}
