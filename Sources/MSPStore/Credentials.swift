import GRDB
import MSPDomain

/// What recording credentials did.
public struct RecordedCredential: Sendable, Equatable {
    public var delegation: String
    /// The State's category at the meeting (only States Parties are in the credentials report).
    public var category: Category
    public var kind: CredentialKind
    public var receipt: Receipt
    /// The kind that counted before this record, if any.
    public var previous: CredentialKind?
    /// Whether this record is now the one that counts (a record received before the latest one does not).
    public var counts: Bool
}

extension Store {
    /// Records credentials for a State's delegation registered at the meeting. Only States present credentials;
    /// a State that has not registered for the meeting, or whose delegation withdrew, is an input error.
    /// Any registered State may record (its standing may change when the membership data are brought up to date);
    /// the report lists the States Parties.
    public func recordCredential(delegation typed: String, kind: CredentialKind, receipt: Receipt,
                                 meeting stored: StoredMeeting, change: ChangeInfo) throws -> RecordedCredential {
        try transaction { db in
            let field = FieldPath.delegation
            let name = typed.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw InputError("the delegation's name is empty", field: field) }
            guard let state = ReferenceData.states.find(name) else {
                if let organization = try Store.resolver(db).organization(named: name) {
                    throw InputError("\(organization.name) is not a State: only States present credentials", field: field)
                }
                throw ReferenceData.states.notFound(name, field: field, then: "only States present credentials")
            }
            guard let delegation = try DelegationRecord
                .filter({ $0.meetingId == stored.id && $0.stateIso3 == state.iso3 })
                .fetchOne(db), let delegationId = delegation.id else {
                throw InputError("\(state.name) has not registered for \(stored.meeting.code): register its delegation first", field: field)
            }
            guard !delegation.withdrawn else {
                throw InputError("\(state.name) withdrew its delegation from \(stored.meeting.code)", field: field)
            }
            let history = try CredentialRecord.filter { $0.delegationId == delegationId }
                .order { [$0.receivedAt, $0.id] }.fetchAll(db)
            let changeId = try change.insert(db, summary: "credentials (\(kind.rawValue)) of \(state.name) for \(stored.meeting.code)")
            var record = CredentialRecord(id: nil, meetingId: stored.id, delegationId: delegationId, changeId: changeId,
                                          kind: kind, receivedAt: receipt.instant.secondsSinceEpoch,
                                          receivedPrecision: receipt.precision)
            try record.insert(db)
            let latestBefore = history.last
            let counts = latestBefore.map { receipt.instant.secondsSinceEpoch >= $0.receivedAt } ?? true
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            return RecordedCredential(delegation: state.name,
                                      category: membership.category(of: state.iso3, on: stored.meeting.opens),
                                      kind: kind, receipt: receipt,
                                      previous: latestBefore?.kind, counts: counts)
        }
    }

    /// The credentials report: every registered State Party (on the meeting's opening day), in the four lists.
    public func credentialsReport(_ stored: StoredMeeting) throws -> CredentialsReport {
        try read { db in
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            let delegations = try DelegationRecord
                .filter { $0.meetingId == stored.id && $0.stateIso3 != nil && $0.withdrawn == false }
                .fetchAll(db)
            let parties = delegations.filter { membership.category(of: $0.stateIso3!, on: stored.meeting.opens) == .statesParties }
            let entries = try Row.fetchAll(db, sql: """
                SELECT c.*, d.name AS delegation_name
                FROM credential c JOIN delegation d ON d.id = c.delegation_id
                WHERE c.meeting_id = ?
                """, arguments: [stored.id]).map { row in
                let credential = try CredentialRecord(row: row)
                return CredentialEntry(id: credential.id!, delegation: row["delegation_name"], kind: credential.kind,
                                       received: Instant(secondsSinceEpoch: credential.receivedAt))
            }
            return CredentialsReport(statesParties: parties.map(\.name), entries: entries)
        }
    }
}
