import MSPDomain
import MSPStore

/// Credentials as a front end gives them.
public struct CredentialsRequest: Sendable, Equatable {
    /// The State, by any name that finds it.
    public var delegation: String
    public var kind: CredentialKind
    /// When they were received, in any form a receipt takes; nil is now.
    public var receivedAt: String?

    public init(delegation: String, kind: CredentialKind, receivedAt: String? = nil) {
        self.delegation = delegation
        self.kind = kind
        self.receivedAt = receivedAt
    }
}

extension RegistrationDesk {
    /// Records the credentials a State's delegation presented. Only States present credentials, and only a State
    /// registered for the meeting and not withdrawn; the latest record by time of receipt counts.
    public func recordCredentials(_ request: CredentialsRequest, meeting code: String? = nil) throws -> (meeting: Meeting, recorded: RecordedCredential) {
        let stored = try meeting(code: code)
        let receipt = try stored.meeting.receipt(request.receivedAt, now: clock(), field: .receivedAt)
        let recorded = try store.recordCredential(delegation: request.delegation, kind: request.kind, receipt: receipt,
                                                  meeting: stored, change: change("credentials record"))
        return (stored.meeting, recorded)
    }

    /// For every registered State Party, what credentials it presented.
    public func credentialsReport(meeting code: String? = nil) throws -> (meeting: Meeting, report: CredentialsReport) {
        let stored = try meeting(code: code)
        return (stored.meeting, try store.credentialsReport(stored))
    }
}
