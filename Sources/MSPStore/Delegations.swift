import GRDB
import MSPDomain

/// A delegation registered for a meeting, as the store holds it.
package struct RegisteredDelegation: Sendable, Equatable {
    package var id: Int64
    /// Its name at the meeting, as the list of participants prints it (`Store.delegationName`).
    package var name: String
    package var withdrawn: Bool
    /// Its notes, as `DelegationTimeline` reads them.
    package var timeline: [DelegationTimeline.Entry]
}

extension Store {
    /// The delegation `represented` has at the meeting, if it sent any note.
    package func delegation(_ represented: Represented, meeting: StoredMeeting) throws -> RegisteredDelegation? {
        try read { db in
            let record: DelegationRecord?
            switch represented {
            case .state(let state):
                record = try DelegationRecord.filter { $0.meetingId == meeting.id && $0.stateIso3 == state.iso3 }
                    .fetchOne(db)
            case .organization(let organization), .newOrganization(let organization):
                record = try DelegationRecord.fetchOne(
                    db,
                    sql: """
                        SELECT d.* FROM delegation d JOIN organization_key k ON k.organization_id = d.organization_id
                        WHERE d.meeting_id = ? AND k.key = ?
                        """, arguments: [meeting.id, NameKey.of(organization.name)])
            }
            guard let record, let id = record.id else { return nil }
            return RegisteredDelegation(
                id: id,
                name: Store.delegationName(stateIso3: record.stateIso3, stored: record.name, at: meeting.meeting),
                withdrawn: record.withdrawn,
                timeline: try NoteRecorder.timelineEntries(delegationId: id, meeting: meeting.meeting, db))
        }
    }
}
