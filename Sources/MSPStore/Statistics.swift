import GRDB
import MSPDomain

extension Store {
    /// The meeting's figures: the list of participants, the convention's States Parties on the opening day,
    /// and every note received for the meeting.
    public func statistics(_ stored: StoredMeeting) throws -> MeetingStatistics {
        // One read transaction: the roster and the notes are counted from the same state of the database.
        try read { db in
            let roster = try Store.roster(stored, db)
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            let notes = try Row.fetchAll(db, sql: "SELECT received_at, channel, kind FROM note WHERE meeting_id = ?",
                                         arguments: [stored.id]).map { row in
                MeetingStatistics.NoteFact(received: Instant(secondsSinceEpoch: row[0]),
                                           channel: (row[1] as String?).flatMap(Channel.init(rawValue:)),
                                           isWithdrawal: (row[2] as String) == NoteKind.withdrawal.rawValue)
            }
            return MeetingStatistics(roster: roster, statesPartiesTotal: membership.parties(on: stored.meeting.opens).count,
                                     notes: notes, deadline: stored.meeting.deadline)
        }
    }
}
