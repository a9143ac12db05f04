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
    /// For a note: seconds after the deadline, or nil when on time. Nil for credentials.
    public var lateBy: Int64?
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
    /// The delegation a typed name means, if it sent any note to the meeting: its row id and canonical name.
    /// A name that finds no State or organization, or one that sent nothing, is an error naming the meeting.
    static func registeredDelegation(_ typed: String, meeting: StoredMeeting, _ db: Database) throws -> (id: Int64, represented: Represented) {
        let resolver = try Store.resolver(db)
        let name = typed.trimmed
        guard !name.isEmpty else { throw InputError("the delegation's name is empty", field: .delegation) }
        guard let represented = resolver.find(name) else {
            throw InputError("'\(name)' is neither a State nor a known organization\(EditDistance.didYouMean(resolver.suggestions(for: name)))",
                             field: .delegation)
        }
        let id: Int64?
        switch represented {
        case .state(let state):
            id = try Int64.fetchOne(db, sql: "SELECT id FROM delegation WHERE meeting_id = ? AND state_iso3 = ?",
                                    arguments: [meeting.id, state.iso3])
        case .organization(let organization), .newOrganization(let organization):
            id = try Int64.fetchOne(db, sql: """
                SELECT d.id FROM delegation d JOIN organization_key k ON k.organization_id = d.organization_id
                WHERE d.meeting_id = ? AND k.key = ?
                """, arguments: [meeting.id, NameKey.of(organization.name)])
        }
        guard let id else {
            throw InputError("\(represented.name) is not registered for \(meeting.meeting.code): it sent no note", field: .delegation)
        }
        return (id, represented)
    }

    /// A delegation's notes and credentials in the order they were received (then recorded), each with who
    /// recorded it and when.
    public func history(delegation typed: String, meeting: StoredMeeting) throws -> (name: String, entries: [HistoryEntry]) {
        try read { db in
            let (id, represented) = try Store.registeredDelegation(typed, meeting: meeting, db)
            // Each record with the change that recorded it: the record's own columns, then the change's by name.
            let notes = try Row.fetchAll(db, sql: """
                SELECT n.*, c.made_at AS made_at, c.os_user AS os_user, c.command AS command
                FROM note n JOIN change c ON c.id = n.change_id
                WHERE n.delegation_id = ?
                ORDER BY n.received_at, n.id
                """, arguments: [id]).map { row in
                let note = try NoteRecord(row: row)
                let received = Instant(secondsSinceEpoch: note.receivedAt)
                return HistoryEntry(record: .note(note.kind, reference: note.reference, channel: note.channel,
                                                  participants: note.participantCount),
                                    received: received, receivedPrecision: note.receivedPrecision,
                                    lateBy: meeting.meeting.deadline.lateBy(received),
                                    recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                                    command: row["command"])
            }
            let credentials = try Row.fetchAll(db, sql: """
                SELECT r.*, c.made_at AS made_at, c.os_user AS os_user, c.command AS command
                FROM credential r JOIN change c ON c.id = r.change_id
                WHERE r.delegation_id = ?
                ORDER BY r.received_at, r.id
                """, arguments: [id]).map { row in
                let credential = try CredentialRecord(row: row)
                return HistoryEntry(record: .credentials(credential.kind),
                                    received: Instant(secondsSinceEpoch: credential.receivedAt),
                                    receivedPrecision: credential.receivedPrecision, lateBy: nil,
                                    recordedAt: Instant(secondsSinceEpoch: row["made_at"]), recordedBy: row["os_user"],
                                    command: row["command"])
            }
            // Both in order of receipt; a note before credentials received at the same second.
            let entries = (notes.map { ($0, 0) } + credentials.map { ($0, 1) })
                .enumerated()
                .sorted { ($0.element.0.received, $0.element.1, $0.offset) < ($1.element.0.received, $1.element.1, $1.offset) }
                .map(\.element.0)
            return (represented.name, entries)
        }
    }

    /// Records a withdrawal: a note without participants that takes the delegation off the list of participants
    /// (nothing is deleted; a later registration or amendment brings it back). The delegation must be registered
    /// and not withdrawn already.
    public func withdraw(delegation typed: String, receipt: Receipt, reference: String?, meeting: StoredMeeting,
                         change: ChangeInfo) throws -> RecordedNote {
        try transaction { db in
            let (id, represented) = try Store.registeredDelegation(typed, meeting: meeting, db)
            let withdrawn = try Bool.fetchOne(db, sql: "SELECT withdrawn FROM delegation WHERE id = ?", arguments: [id]) ?? false
            if withdrawn {
                throw InputError("\(represented.name) is already withdrawn from \(meeting.meeting.code)", field: .delegation)
            }
            let category = try Store.category(of: represented, meeting: meeting, db)
            let draft = NoteDraft(represented: represented, category: category, reference: reference, receipt: receipt,
                                  channel: nil, participants: [], lateBy: meeting.meeting.deadline.lateBy(receipt.instant))
            let changeId = try change.insert(db, summary: "withdrawal \(reference ?? "without reference") of \(represented.name)")
            var recorder = NoteRecorder(db: db, meeting: meeting, changeId: changeId)
            var recorded = try recorder.record(draft, isWithdrawal: true)
            recorded.category = category
            // A withdrawal received before the delegation's newest registration or amendment does not take it off.
            let stillWithdrawn = try Bool.fetchOne(db, sql: "SELECT withdrawn FROM delegation WHERE id = ?", arguments: [id]) ?? false
            if !stillWithdrawn {
                throw InputError("the withdrawal is received before \(represented.name)'s newest note, which it would not override: check --received", field: .receivedAt)
            }
            return recorded
        }
    }

    static func category(of represented: Represented, meeting: StoredMeeting, _ db: Database) throws -> Category {
        switch represented {
        case .state(let state):
            return try Store.membership(convention: meeting.meeting.convention, db).category(of: state.iso3, on: meeting.meeting.opens)
        case .organization(let organization), .newOrganization(let organization):
            return organization.category
        }
    }
}
