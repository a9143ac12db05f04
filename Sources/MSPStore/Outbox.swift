import Foundation
import GRDB
import MSPDomain

/// A message to be queued with a change: what happened, to whom, and its text. The store adds the rest (its
/// Message-ID, the change, the time).
package struct QueuedMail: Sendable, Equatable {
    /// "submission received", "submission accepted"...
    package var event: String
    package var to: MailAddress
    package var subject: String
    package var body: String

    package init(event: String, to: MailAddress, subject: String, body: String) {
        self.event = event
        self.to = to
        self.subject = subject
        self.body = body
    }
}

extension Store {
    /// Writes `mail` into the outbox, inside the caller's transaction: the message exists exactly when the change it
    /// tells of does. Due at once.
    static func enqueue(
        _ mail: QueuedMail, meetingId: Int64, submissionId: Int64?, changeId: Int64, at: Instant, _ db: Database
    ) throws {
        var record = MailRecord(
            id: nil, meetingId: meetingId, submissionId: submissionId, changeId: changeId, event: mail.event,
            toName: mail.to.name, toAddress: mail.to.address, subject: mail.subject, body: mail.body,
            messageId: "msp.\(at.secondsSinceEpoch).\(UUID().uuidString.lowercased())", createdAt: at.secondsSinceEpoch,
            status: .pending, attempts: 0, nextAttemptAt: at.secondsSinceEpoch, lastAttemptAt: nil, lastError: nil,
            sentAt: nil, sentVia: nil)
        try record.insert(db)
    }

    /// The outbox, newest first: a meeting's messages (every meeting's when nil) with `status` (all when nil).
    package func outbox(meetingId: Int64?, status: MailStatus?, limit: Int? = nil) throws -> [MailRecord] {
        try read { db in
            var request = MailRecord.all().order(MailRecord.Columns.id.desc)
            if let meetingId { request = request.filter(MailRecord.Columns.meetingId == meetingId) }
            if let status { request = request.filter(MailRecord.Columns.status == status) }
            if let limit { request = request.limit(limit) }
            return try Row.fetchAll(db, request).map(MailRecord.init(row:))
        }
    }

    /// Pending messages due at `now` (every pending one with `includeWaiting`: those waiting for their next attempt
    /// too), oldest first.
    package func dueMail(at now: Instant, includeWaiting: Bool = false, limit: Int = 100) throws -> [MailRecord] {
        try read { db in
            var request = MailRecord.filter(MailRecord.Columns.status == MailStatus.pending)
            if !includeWaiting { request = request.filter(MailRecord.Columns.nextAttemptAt <= now.secondsSinceEpoch) }
            return try Row.fetchAll(db, request.order(MailRecord.Columns.id).limit(limit)).map(MailRecord.init(row:))
        }
    }

    /// Takes a pending message for one attempt: its next attempt moves to `leaseEnd`, so that no other sender (a
    /// second `msp mail send`, `msp serve`) takes it meanwhile, and a sender that dies leaves it to be tried again
    /// then. False when another sender took it first, or it was sent. `force` takes it even before it is due.
    package func claimMail(id: Int64, now: Instant, leaseEnd: Instant, force: Bool = false) throws -> Bool {
        try transaction { db in
            try db.execute(
                sql: """
                    UPDATE mail SET next_attempt_at = ?
                    WHERE id = ? AND status = 'pending' AND (? OR next_attempt_at <= ?)
                    """,
                arguments: [leaseEnd.secondsSinceEpoch, id, force, now.secondsSinceEpoch])
            return db.changesCount == 1
        }
    }

    /// Records that a message went out, and where.
    package func mailSent(id: Int64, at: Instant, via: String) throws {
        try transaction { db in
            try db.execute(
                sql: """
                    UPDATE mail SET status = 'sent', sent_at = ?, sent_via = ?, attempts = attempts + 1,
                                    last_attempt_at = ?
                    WHERE id = ? AND status = 'pending'
                    """,
                arguments: [at.secondsSinceEpoch, via, at.secondsSinceEpoch, id])
        }
    }

    /// Records a failed attempt: the error, and when to try again. The message stays pending.
    package func mailFailed(id: Int64, at: Instant, error: String, nextAttempt: Instant) throws {
        try transaction { db in
            try db.execute(
                sql: """
                    UPDATE mail SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, next_attempt_at = ?
                    WHERE id = ? AND status = 'pending'
                    """,
                arguments: [at.secondsSinceEpoch, String(error.prefix(1000)), nextAttempt.secondsSinceEpoch, id])
        }
    }
}
