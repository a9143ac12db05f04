import Foundation
import GRDB
import MSPDomain

extension MailStatus: DatabaseValueConvertible, StoredEnum {}

/// A row of `mail` (migrations/0008_mail.sql): one e-mail to a focal point, queued with the change it tells of, and
/// what became of it.
package struct MailRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    package static let databaseTableName = "mail"
    package var id: Int64?
    package var meetingId: Int64
    package var submissionId: Int64?
    package var changeId: Int64
    /// What happened: "submission received", "submission accepted"...
    package var event: String
    package var toName: String?
    package var toAddress: String
    package var subject: String
    package var body: String
    /// The Message-ID's left part; the right part is the sender's domain.
    package var messageId: String
    /// When it was queued (seconds since 1970).
    package var createdAt: Int64
    package var status: MailStatus
    package var attempts: Int
    package var nextAttemptAt: Int64
    package var lastAttemptAt: Int64?
    package var lastError: String?
    package var sentAt: Int64?
    /// "smtp HOST:PORT" or the path of the .eml file.
    package var sentVia: String?

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

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let submissionId = Column(CodingKeys.submissionId)
        package static let changeId = Column(CodingKeys.changeId)
        package static let event = Column(CodingKeys.event)
        package static let toName = Column(CodingKeys.toName)
        package static let toAddress = Column(CodingKeys.toAddress)
        package static let subject = Column(CodingKeys.subject)
        package static let body = Column(CodingKeys.body)
        package static let messageId = Column(CodingKeys.messageId)
        package static let createdAt = Column(CodingKeys.createdAt)
        package static let status = Column(CodingKeys.status)
        package static let attempts = Column(CodingKeys.attempts)
        package static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        package static let lastAttemptAt = Column(CodingKeys.lastAttemptAt)
        package static let lastError = Column(CodingKeys.lastError)
        package static let sentAt = Column(CodingKeys.sentAt)
        package static let sentVia = Column(CodingKeys.sentVia)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MailRecord {
    /// Read column by column: a row whose columns do not decode is a `StoreError`, not a crash.
    package init(row: Row) throws {
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
