import GRDB
import MSPDomain

extension Store {
    /// A delegation's notes and credentials in the order they were received (then recorded), each with who
    /// recorded it and when; after each note, what was done to it since (corrections, voidings, restorings,
    /// decisions), in the order it was done.
    package func history(of delegation: RegisteredDelegation, meeting: StoredMeeting) throws -> [HistoryEntry] {
        try read { db in
            let numbers = try Int64.fetchAll(
                db, sql: "SELECT DISTINCT coalesce(number, id) FROM note WHERE delegation_id = ?",
                arguments: [delegation.id])
            let versions = try Store.versions(numbers: numbers, meeting: meeting, db)
            // Keyed by receipt, then note, then the change that did it (0 for the note as first recorded): what was done
            // to a note (corrections, voidings and decisions alike) in the order it was done.
            var keyed: [(key: (Int64, Int, Int64, Int), entry: HistoryEntry)] = []
            for (number, noteVersions) in versions {
                guard let first = noteVersions.first else { continue }
                let receipt = first.snapshot.receipt
                func entry(_ record: HistoryEntry.Record, _ version: NoteVersion, reason: String?) -> HistoryEntry {
                    HistoryEntry(
                        record: record, number: number, reason: reason, received: receipt.instant,
                        receivedPrecision: receipt.precision, lateness: meeting.meeting.lateness(of: receipt),
                        recordedAt: version.recordedAt, recordedBy: version.recordedBy, command: version.command)
                }
                let key = receipt.instant.secondsSinceEpoch
                keyed.append(
                    (
                        (key, 0, number, 0),
                        entry(
                            .note(
                                first.kind, reference: first.snapshot.reference, channel: first.snapshot.channel,
                                participants: first.snapshot.participants.count), first, reason: nil)
                    ))
                for (index, version) in noteVersions.enumerated().dropFirst() {
                    let before = noteVersions[index - 1]
                    let record: HistoryEntry.Record
                    if version.voided != before.voided {
                        record = version.voided ? .voided : .restored
                    } else {
                        record = .corrected(
                            version.snapshot.changes(since: before.snapshot, in: meeting.meeting.timeZone))
                    }
                    var event = entry(record, version, reason: version.reason)
                    // What the note says now: its current receipt and lateness.
                    event.lateness = meeting.meeting.lateness(of: version.snapshot.receipt)
                    keyed.append(((key, 0, number, Int(version.changeId)), event))
                }
            }
            let decisions = try Row.fetchAll(
                db,
                sql: """
                    SELECT dc.*, c.made_at AS made_at, c.os_user AS os_user, c.command AS command, c.reason AS reason
                    FROM decision dc JOIN change c ON c.id = dc.change_id
                    WHERE dc.note_number IN (SELECT coalesce(number, id) FROM note WHERE delegation_id = ?)
                    ORDER BY dc.id
                    """, arguments: [delegation.id])
            for row in decisions {
                let decision = try DecisionRecord(row: row)
                guard let first = versions[decision.noteNumber]?.first else { continue }
                let receipt = first.snapshot.receipt
                keyed.append(
                    (
                        (receipt.instant.secondsSinceEpoch, 0, decision.noteNumber, Int(decision.changeId)),
                        HistoryEntry(
                            record: .decided(decision.outcome), number: decision.noteNumber, reason: row["reason"],
                            received: receipt.instant, receivedPrecision: receipt.precision,
                            lateness: meeting.meeting.lateness(of: receipt),
                            recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                            command: row["command"])
                    ))
            }
            let credentials = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, c.made_at AS made_at, c.os_user AS os_user, c.command AS command
                    FROM credential r JOIN change c ON c.id = r.change_id
                    WHERE r.delegation_id = ?
                    ORDER BY r.received_at, r.id
                    """, arguments: [delegation.id])
            for row in credentials {
                let credential = try CredentialRecord(row: row)
                keyed.append(
                    (
                        (credential.receivedAt, 1, credential.id!, 0),
                        HistoryEntry(
                            record: .credentials(credential.kind), number: nil, reason: nil,
                            received: Instant(secondsSinceEpoch: credential.receivedAt),
                            receivedPrecision: credential.receivedPrecision, lateness: nil,
                            recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                            command: row["command"])
                    ))
            }
            // In order of receipt; a note (with what was done to it) before credentials received at the same second.
            return keyed.sorted { $0.key < $1.key }.map(\.entry)
        }
    }
}
