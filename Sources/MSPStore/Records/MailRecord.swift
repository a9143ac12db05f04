import Foundation
import GRDB
import MSPDomain

extension MailStatus: DatabaseValueConvertible, StoredEnum {}

/// A row of `mail` (migrations/0008_mail.sql): one e-mail to a focal point, queued with the change it tells of, and
/// what became of it.
public struct MailRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "mail"
    public var id: Int64?
    public var meetingId: Int64
    public var submissionId: Int64?
    public var changeId: Int64
    /// What happened: "submission received", "submission accepted"...
    public var event: String
    public var toName: String?
    public var toAddress: String
    public var subject: String
    public var body: String
    /// The Message-ID's left part; the right part is the sender's domain.
    public var messageId: String
    /// When it was queued (seconds since 1970).
    public var createdAt: Int64
    public var status: MailStatus
    public var attempts: Int
    public var nextAttemptAt: Int64
    public var lastAttemptAt: Int64?
    public var lastError: String?
    public var sentAt: Int64?
    /// "smtp HOST:PORT" or the path of the .eml file.
    public var sentVia: String?

    enum CodingKeys: String, CodingKey {
        case id, event, subject, body, status, attempts
        case meetingId = "meeting_id"
        case submissionId = "submission_id"
        case changeId = "change_id"
        case toName = "to_name"
        case toAddress = "to_address"
        case messageId = "message_id"
        case createdAt = "created_at"
        case nextAttemptAt = "next_attempt_at"
        case lastAttemptAt = "last_attempt_at"
        case lastError = "last_error"
        case sentAt = "sent_at"
        case sentVia = "sent_via"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let submissionId = Column(CodingKeys.submissionId)
        public static let changeId = Column(CodingKeys.changeId)
        public static let event = Column(CodingKeys.event)
        public static let toName = Column(CodingKeys.toName)
        public static let toAddress = Column(CodingKeys.toAddress)
        public static let subject = Column(CodingKeys.subject)
        public static let body = Column(CodingKeys.body)
        public static let messageId = Column(CodingKeys.messageId)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let status = Column(CodingKeys.status)
        public static let attempts = Column(CodingKeys.attempts)
        public static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        public static let lastAttemptAt = Column(CodingKeys.lastAttemptAt)
        public static let lastError = Column(CodingKeys.lastError)
        public static let sentAt = Column(CodingKeys.sentAt)
        public static let sentVia = Column(CodingKeys.sentVia)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MailRecord {
    /// Read column by column: a row whose columns do not decode is a `StoreError`, not a crash.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        meetingId = try row.decode(forColumn: Columns.meetingId)
        submissionId = try row.decode(forColumn: Columns.submissionId)
        changeId = try row.decode(forColumn: Columns.changeId)
        event = try row.decode(forColumn: Columns.event)
        toName = try row.decode(forColumn: Columns.toName)
        toAddress = try row.decode(forColumn: Columns.toAddress)
        subject = try row.decode(forColumn: Columns.subject)
        body = try row.decode(forColumn: Columns.body)
        messageId = try row.decode(forColumn: Columns.messageId)
        createdAt = try row.decode(forColumn: Columns.createdAt)
        status = try row.stored("status", of: "mail")
        attempts = try row.decode(forColumn: Columns.attempts)
        nextAttemptAt = try row.decode(forColumn: Columns.nextAttemptAt)
        lastAttemptAt = try row.decode(forColumn: Columns.lastAttemptAt)
        lastError = try row.decode(forColumn: Columns.lastError)
        sentAt = try row.decode(forColumn: Columns.sentAt)
        sentVia = try row.decode(forColumn: Columns.sentVia)
    }
}
