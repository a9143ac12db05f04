import MSPDomain
import MSPStore

/// Credentials as a front end gives them.
package struct CredentialsRequest: Sendable, Equatable {
    /// The State, by any name that finds it.
    package var delegation: String
    package var kind: CredentialKind
    /// When they were received, in any form a receipt takes; nil is now.
    package var receivedAt: String?

    package init(delegation: String, kind: CredentialKind, receivedAt: String? = nil) {
        self.delegation = delegation
        self.kind = kind
        self.receivedAt = receivedAt
    }
}

/// What recording credentials did.
package struct CredentialsRecording: Sendable, Equatable {
    package var meeting: Meeting
    package var delegation: String
    /// The State's category at the meeting (only States Parties are in the credentials report).
    package var category: Category
    package var kind: CredentialKind
    package var receipt: Receipt
    /// The kind that counted before this record, if any.
    package var previous: CredentialKind?
    /// Whether this record is now the one that counts (one received before the latest does not).
    package var counts: Bool
    /// A receipt to check, recorded all the same: after the meeting closed (see `credentialsReceiptWarning`).
    package var warning: String? = nil
}

extension RegistrationDesk {
    /// Records the credentials a State's delegation presented. Only States present credentials, and only a State
    /// registered for the meeting and not withdrawn; the latest record by time of receipt counts. Any registered
    /// State may record (its standing may change when the membership data are brought up to date); the report lists
    /// the States Parties.
    package func recordCredentials(_ request: CredentialsRequest, meeting code: String? = nil) throws
        -> CredentialsRecording
    {
        try writing {
            let stored = try meeting(code: code)
            let name = try request.delegation.checkedText("delegation's name", field: .delegation).trimmed
            guard !name.isEmpty else { throw InputError("the delegation's name is empty", field: .delegation) }
            guard let state = ReferenceData.states.find(name) else {
                if let organization = try store.resolver(for: name).organization(named: name) {
                    throw InputError(
                        "\(organization.name) is not a State: only States present credentials", field: .delegation)
                }
                throw ReferenceData.states.notFound(
                    name, field: .delegation, on: stored.meeting.opens, then: "only States present credentials")
            }
            // The State's name on the meeting's opening day, as its documents print it.
            let stateName = state.name(on: stored.meeting.opens)
            guard let delegation = try store.delegation(.state(state), meeting: stored) else {
                throw InputError(
                    "\(stateName) has not registered for \(stored.meeting.code): register its delegation first",
                    field: .delegation, reason: .notFound)
            }
            guard !delegation.withdrawn else {
                throw InputError("\(stateName) withdrew its delegation from \(stored.meeting.code)", field: .delegation)
            }
            let receipt = try stored.meeting.receipt(request.receivedAt, now: clock(), field: .receivedAt)
            try checkReceiptGiven(request.receivedAt, what: "the credentials", meeting: stored.meeting)
            let earlier = try store.recordCredential(
                request.kind, receipt: receipt, delegation: delegation, meeting: stored,
                change: change("credentials record"))
            let counting = earlier.reduce(nil as CredentialEntry?) { latest, entry in
                latest.map { entry.supersedes($0) ? entry : $0 } ?? entry
            }
            let this = CredentialEntry(id: .max, delegation: stateName, kind: request.kind, received: receipt.instant)
            return CredentialsRecording(
                meeting: stored.meeting, delegation: stateName,
                category: try category(of: .state(state), at: stored.meeting), kind: request.kind,
                receipt: receipt, previous: counting?.kind,
                counts: counting.map { this.supersedes($0) } ?? true,
                warning: credentialsReceiptWarning(receipt, meeting: stored.meeting))
        }
    }

    /// For every registered State Party, what credentials it presented.
    package func credentialsReport(meeting code: String? = nil) throws -> (meeting: Meeting, report: CredentialsReport)
    {
        try reading {
            let stored = try meeting(code: code)
            return (stored.meeting, try store.credentialsReport(stored))
        }
    }
}
