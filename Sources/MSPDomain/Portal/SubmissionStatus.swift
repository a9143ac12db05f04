/// Where a focal point's submission stands: awaiting the secretariat, accepted (recorded as a note), or returned
/// with a reason.
package enum SubmissionStatus: String, CaseIterable, Sendable, Codable {
    case pending, accepted, returned
}

/// What a focal point sent: a note listing the delegation's participants (a registration, or an amendment once
/// accepted), or a withdrawal, which lists nobody and takes the delegation off the list once accepted.
package enum SubmissionKind: String, CaseIterable, Sendable, Codable {
    case note, withdrawal
}

/// Where a message of the outbox stands: waiting to be sent (first time, or again after a failure), or sent.
package enum MailStatus: String, CaseIterable, Sendable, Codable {
    case pending, sent
}
