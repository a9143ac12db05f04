import GRDB
import MSPDomain

extension Store {
    /// Records credentials received for a registered delegation, as one change; returns the delegation's earlier
    /// records, oldest first.
    package func recordCredential(
        _ kind: CredentialKind, receipt: Receipt, delegation: RegisteredDelegation,
        meeting stored: StoredMeeting, change: ChangeInfo
    ) throws -> [CredentialEntry] {
        try transaction { db in
            let earlier = try CredentialRecord.filter { $0.delegationId == delegation.id }
                .order { [$0.receivedAt, $0.id] }.fetchAll(db)
            let changeId = try change.insert(
                db, summary: "credentials (\(kind.rawValue)) of \(delegation.name) for \(stored.meeting.code)")
            var record = CredentialRecord(
                id: nil, meetingId: stored.id, delegationId: delegation.id, changeId: changeId,
                kind: kind, receivedAt: receipt.instant.secondsSinceEpoch,
                receivedPrecision: receipt.precision)
            try record.insert(db)
            return earlier.map {
                CredentialEntry(
                    id: $0.id!, delegation: delegation.name, kind: $0.kind,
                    received: Instant(secondsSinceEpoch: $0.receivedAt))
            }
        }
    }

    /// The credentials report: every registered State Party (on the meeting's opening day), in the four lists.
    package func credentialsReport(_ stored: StoredMeeting) throws -> CredentialsReport {
        try read { db in
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            let delegations =
                try DelegationRecord
                .filter { $0.meetingId == stored.id && $0.stateIso3 != nil && $0.withdrawn == false }
                .fetchAll(db)
            let parties = delegations.filter {
                membership.category(of: $0.stateIso3!, at: stored.meeting) == .statesParties
            }
            let entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, d.name AS delegation_name, d.state_iso3 AS state_iso3
                    FROM credential c JOIN delegation d ON d.id = c.delegation_id
                    WHERE c.meeting_id = ?
                    """, arguments: [stored.id]
            ).map { row in
                let credential = try CredentialRecord(row: row)
                return CredentialEntry(
                    id: credential.id!,
                    delegation: Store.delegationName(
                        stateIso3: row["state_iso3"], stored: row["delegation_name"], at: stored.meeting),
                    kind: credential.kind,
                    received: Instant(secondsSinceEpoch: credential.receivedAt))
            }
            // The States and their records are matched by name: both names come from Store.delegationName.
            let names = parties.map {
                Store.delegationName(stateIso3: $0.stateIso3, stored: $0.name, at: stored.meeting)
            }
            return CredentialsReport(statesParties: names, entries: entries)
        }
    }
}
