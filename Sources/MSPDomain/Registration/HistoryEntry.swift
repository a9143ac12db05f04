/// One record of a delegation, with the change that recorded it: what `msp history` shows. A record is a note
/// (registration, amendment, withdrawal), credentials presented (superseded credentials stay here), or a link issued
/// to the delegation's focal point, re-issued or revoked.
package struct HistoryEntry: Sendable, Equatable {
    /// What was done to a focal point's link.
    package enum FocalPointEvent: String, Sendable, Equatable {
        case issued, reissued, revoked
    }

    /// What happened to a focal point's submission: it arrived through the link, or the secretariat accepted or
    /// returned it.
    package enum SubmissionEvent: String, Sendable, Equatable {
        case received, accepted, returned
    }

    package enum Record: Sendable, Equatable {
        /// A note as first recorded.
        case note(NoteKind, reference: String?, channel: Channel?, participants: Int)
        case credentials(CredentialKind)
        /// A correction of the note's transcription: what changed, one line a field.
        case corrected([String])
        case voided
        case restored
        case decided(Decision)
        /// A focal point's link issued, re-issued (the old one stopped working) or revoked, sent to `email`.
        case focalPoint(FocalPointEvent, email: String)
        /// A submission through a focal point's link (`id`, a note or a withdrawal) received, accepted (as note
        /// `number`) or returned (with the entry's reason).
        case submission(SubmissionEvent, id: Int64, kind: SubmissionKind, reference: String?, participants: Int)
    }

    package var record: Record
    /// The note's number, for a note and what was done to it, and for a submission accepted as that note; nil for
    /// credentials and focal points.
    package var number: Int64?
    /// The reason given, for a correction, a voiding, a restoring or a decision.
    package var reason: String?
    /// When the note or credentials were received; for a focal point's link, when it was issued or revoked.
    package var received: Instant
    package var receivedPrecision: Receipt.Precision
    /// For a note: on time, or how late. Nil for credentials.
    package var lateness: Lateness?
    package var recordedAt: Instant
    package var recordedBy: String
    package var command: String

    package init(
        record: Record, number: Int64?, reason: String?, received: Instant, receivedPrecision: Receipt.Precision,
        lateness: Lateness?, recordedAt: Instant, recordedBy: String, command: String
    ) {
        self.record = record
        self.number = number
        self.reason = reason
        self.received = received
        self.receivedPrecision = receivedPrecision
        self.lateness = lateness
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.command = command
    }

    /// `registration`, `amendment`, `withdrawal`, `credentials`, `correction`, `voiding`, `restoring`, `accepted`,
    /// `declined`, `focal_point_issued`, `focal_point_reissued`, `focal_point_revoked`, `submission_received`,
    /// `submission_accepted` or `submission_returned`.
    package var kindName: String {
        switch record {
        case .note(let kind, _, _, _): return kind.rawValue
        case .credentials: return "credentials"
        case .corrected: return "correction"
        case .voided: return "voiding"
        case .restored: return "restoring"
        case .decided(let decision): return decision.rawValue
        case .focalPoint(let event, _): return "focal_point_\(event.rawValue)"
        case .submission(let event, _, _, _, _): return "submission_\(event.rawValue)"
        }
    }
}
