import GRDB
import MSPDomain

/// A meeting's registration figures.
public struct MeetingFigures: Sendable, Equatable {
    public var delegations: Int
    public var participants: Int
    public var notes: Int
    public var lateNotes: Int
}

extension Store {
    public func figures(_ stored: StoredMeeting) throws -> MeetingFigures {
        try read { db in
            let deadline = stored.meeting.deadline
            let row = try Row.fetchOne(db, sql: """
                SELECT
                  (SELECT count(*) FROM delegation WHERE meeting_id = :m AND withdrawn = 0) AS delegations,
                  (SELECT coalesce(sum(n.participant_count), 0) FROM delegation d JOIN note n ON n.id = d.composition_note_id
                     WHERE d.meeting_id = :m AND d.withdrawn = 0) AS participants,
                  (SELECT count(*) FROM note WHERE meeting_id = :m) AS notes,
                  (SELECT count(*) FROM note WHERE meeting_id = :m AND received_at >= :firstLate AND kind <> :withdrawal) AS late_notes
                """, arguments: ["m": stored.id, "firstLate": deadline.firstLateSecond.secondsSinceEpoch,
                                 "withdrawal": NoteKind.withdrawal])!
            return MeetingFigures(delegations: row["delegations"], participants: row["participants"], notes: row["notes"],
                                  lateNotes: row["late_notes"])
        }
    }
}
