import GRDB
import MSPDomain

extension DocumentKind: DatabaseValueConvertible, StoredEnum {}
extension Distribution: DatabaseValueConvertible, StoredEnum {}
extension Masthead.Language: DatabaseValueConvertible, StoredEnum {}

/// A row of `meeting_document` (migrations/0010_documents.sql): what the secretariat set for one of a meeting's
/// official documents.
package struct MeetingDocumentRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "meeting_document"
    package var meetingId: Int64
    package var kind: DocumentKind
    package var symbol: String?
    package var distribution: Distribution
    /// YYYY-MM-DD.
    package var issuedOn: String?
    package var provisional: Bool
    package var originalLanguage: Masthead.Language
    package var changeId: Int64

    enum CodingKeys: String, CodingKey {
        case kind, symbol, distribution, provisional
        case meetingId = "meeting_id"
        case issuedOn = "issued_on"
        case originalLanguage = "original_language"
        case changeId = "change_id"
    }

    package enum Columns {
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let kind = Column(CodingKeys.kind)
        package static let symbol = Column(CodingKeys.symbol)
        package static let distribution = Column(CodingKeys.distribution)
        package static let issuedOn = Column(CodingKeys.issuedOn)
        package static let provisional = Column(CodingKeys.provisional)
        package static let originalLanguage = Column(CodingKeys.originalLanguage)
        package static let changeId = Column(CodingKeys.changeId)
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
    package init(row: Row) throws {
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
