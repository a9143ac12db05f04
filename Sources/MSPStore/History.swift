import GRDB
import MSPDomain

/// One record of a delegation, with the change that recorded it: what `msp history` shows. A record is a note
/// (registration, amendment, withdrawal) or credentials presented; superseded credentials stay here.
public struct HistoryEntry: Sendable, Equatable {
    public enum Record: Sendable, Equatable {
        case note(NoteKind, reference: String?, channel: Channel?, participants: Int)
        case credentials(CredentialKind)
    }

    public var record: Record
    public var received: Instant
    public var receivedPrecision: Receipt.Precision
    /// For a note: on time, or how late. Nil for credentials.
    public var lateness: Lateness?
    public var recordedAt: Instant
    public var recordedBy: String
    public var command: String

    /// `registration`, `amendment`, `withdrawal` or `credentials`.
    public var kindName: String {
        switch record {
        case .note(let kind, _, _, _): return kind.rawValue
        case .credentials: return "credentials"
        }
    }
}

extension Store {
    /// A delegation's notes and credentials in the order they were received (then recorded), each with who
    /// recorded it and when.
    public func history(of delegation: RegisteredDelegation, meeting: StoredMeeting) throws -> [HistoryEntry] {
        try read { db in
            let id = delegation.id
            // Each record with the change that recorded it: the record's own columns, then the change's by name.
            let notes = try Row.fetchAll(
                db,
                sql: """
                    SELECT n.*, c.made_at AS made_at, c.os_user AS os_user, c.command AS command
                    FROM note n JOIN change c ON c.id = n.change_id
                    WHERE n.delegation_id = ?
                    ORDER BY n.received_at, n.id
                    """, arguments: [id]
            ).map { row in
                let note = try NoteRecord(row: row)
                let received = Instant(secondsSinceEpoch: note.receivedAt)
                return HistoryEntry(
                    record: .note(
                        note.kind, reference: note.reference, channel: note.channel,
                        participants: note.participantCount),
                    received: received, receivedPrecision: note.receivedPrecision,
                    lateness: meeting.meeting.lateness(
                        of: Receipt(instant: received, precision: note.receivedPrecision)),
                    recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                    command: row["command"])
            }
            let credentials = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, c.made_at AS made_at, c.os_user AS os_user, c.command AS command
                    FROM credential r JOIN change c ON c.id = r.change_id
                    WHERE r.delegation_id = ?
                    ORDER BY r.received_at, r.id
                    """, arguments: [id]
            ).map { row in
                let credential = try CredentialRecord(row: row)
                return HistoryEntry(
                    record: .credentials(credential.kind),
                    received: Instant(secondsSinceEpoch: credential.receivedAt),
                    receivedPrecision: credential.receivedPrecision, lateness: nil,
                    recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                    command: row["command"])
            }
            // Both in order of receipt; a note before credentials received at the same second.
            return (notes.map { ($0, 0) } + credentials.map { ($0, 1) })
                .enumerated()
                .sorted {
                    ($0.element.0.received, $0.element.1, $0.offset) < ($1.element.0.received, $1.element.1, $1.offset)
                }
                .map(\.element.0)
        }
    }
}
