import MSPApplication
import MSPDomain

/// An e-mail of the outbox as `msp mail list` writes it.
struct MailRow: ReportRow, Equatable {
    var id: Int64
    var meeting: String
    var event: String
    var to: String
    var subject: String
    /// queued, retrying or sent.
    var status: String
    var queued: String
    var attempts: Int
    /// When it is tried (again), while pending.
    var nextAttempt: String?
    var lastError: String?
    var sent: String?
    var sentVia: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, meeting, event, to, subject, status, queued, attempts
        case nextAttempt = "next_attempt"
        case lastError = "last_error"
        case sent
        case sentVia = "sent_via"
    }

    init(_ message: OutboxMessage) {
        id = message.id
        meeting = message.meeting
        event = message.event
        to = message.to.address
        subject = message.subject
        status = message.state
        queued = message.created.description
        attempts = message.attempts
        nextAttempt = message.status == .pending ? message.nextAttempt.description : nil
        lastError = message.lastError
        sent = message.sent?.description
        sentVia = message.sentVia
    }
}

/// `msp mail list`: one row per e-mail, newest first, times in UTC.
enum MailListReport {
    static func render(_ messages: [OutboxMessage], format: OutputFormat) throws -> String {
        try Writers.rows(messages.map(MailRow.init), as: format)
    }
}
