import MSPDomain
import MSPStore

/// A message of the outbox as a front end shows it, and as a sender renders it.
package struct OutboxMessage: Sendable, Equatable {
    package var id: Int64
    /// The code of the meeting it is about.
    package var meeting: String
    package var submissionId: Int64?
    /// "submission received", "submission accepted", "submission returned".
    package var event: String
    package var to: MailAddress
    package var subject: String
    package var body: String
    package var created: Instant
    package var status: MailStatus
    package var attempts: Int
    /// When it will be tried (again), while pending.
    package var nextAttempt: Instant
    package var lastAttempt: Instant?
    package var lastError: String?
    package var sent: Instant?
    /// "smtp HOST:PORT" or the .eml file's path.
    package var sentVia: String?
    /// The Message-ID's left part.
    package var messageIDLocalPart: String

    init(_ record: MailRecord, meeting: String) {
        id = record.id ?? 0
        self.meeting = meeting
        submissionId = record.submissionId
        event = record.event
        to = MailAddress(name: record.toName, address: record.toAddress)
        subject = record.subject
        body = record.body
        created = Instant(secondsSinceEpoch: record.createdAt)
        status = record.status
        attempts = record.attempts
        nextAttempt = Instant(secondsSinceEpoch: record.nextAttemptAt)
        lastAttempt = record.lastAttemptAt.map(Instant.init(secondsSinceEpoch:))
        lastError = record.lastError
        sent = record.sentAt.map(Instant.init(secondsSinceEpoch:))
        sentVia = record.sentVia
        messageIDLocalPart = record.messageId
    }

    /// "queued" (never tried), "retrying" (tried and failed, waiting for its next attempt), or "sent".
    package var state: String {
        switch status {
        case .sent: return "sent"
        case .pending: return attempts == 0 ? "queued" : "retrying"
        }
    }

    /// The e-mail itself, from `from` (the sender's configuration): its Message-ID's right part is `from`'s domain.
    package func message(from: MailAddress) -> MailMessage {
        MailMessage(
            from: from, to: to, subject: subject, body: body, date: created,
            messageID: "<\(messageIDLocalPart)@\(from.domain)>")
    }
}

extension RegistrationDesk {
    /// How long a sender holds a message it is trying (no other sender takes it meanwhile).
    package static let mailLease: Int64 = 300

    /// Seconds before the next attempt after `attempts` failed ones: 1, 2, 4... minutes, at most an hour. A message
    /// is never given up: it stays pending, and `msp mail list` shows its attempts and last error.
    package static func mailRetryDelay(afterAttempts attempts: Int) -> Int64 {
        let exponent = min(max(attempts - 1, 0), 6)
        return min(60 << Int64(exponent), 3600)
    }

    /// The outbox, newest first: one meeting's messages, or every meeting's when `meeting` is nil.
    package func outbox(meeting code: String? = nil, status: MailStatus? = nil) throws -> [OutboxMessage] {
        try reading {
            let meetings = try store.meetings()
            let codes = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0.meeting.code) })
            let meetingId = try code.map { try meeting(code: $0).id }
            return try store.outbox(meetingId: meetingId, status: status).map {
                OutboxMessage($0, meeting: codes[$0.meetingId] ?? "?")
            }
        }
    }

    /// The pending messages due now (with `includeWaiting`, also those waiting for their next attempt), oldest first.
    package func dueMail(includeWaiting: Bool = false) throws -> [OutboxMessage] {
        try reading {
            let codes = Dictionary(uniqueKeysWithValues: try store.meetings().map { ($0.id, $0.meeting.code) })
            return try store.dueMail(at: clock(), includeWaiting: includeWaiting).map {
                OutboxMessage($0, meeting: codes[$0.meetingId] ?? "?")
            }
        }
    }

    /// Takes a due message for one attempt; false when another sender took it first or it went out meanwhile.
    package func claimMail(_ id: Int64, force: Bool = false) throws -> Bool {
        try writing {
            let now = clock()
            return try store.claimMail(
                id: id, now: now, leaseEnd: now.adding(seconds: Self.mailLease), force: force)
        }
    }

    package func recordMailSent(_ id: Int64, via: String) throws {
        try writing {
            try store.mailSent(id: id, at: clock(), via: via)
        }
    }

    /// Records a failed attempt (the `attempts` before it) and sets the next one by `mailRetryDelay`.
    package func recordMailFailure(_ id: Int64, attemptsBefore: Int, error: String) throws {
        try writing {
            let now = clock()
            try store.mailFailed(
                id: id, at: now, error: error,
                nextAttempt: now.adding(seconds: Self.mailRetryDelay(afterAttempts: attemptsBefore + 1)))
        }
    }
}
