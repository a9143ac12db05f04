import GRDB
import MSPDomain

extension Store {
    /// The meeting's figures: the list of participants, the convention's States Parties on the opening day,
    /// and every note received for the meeting.
    package func statistics(_ stored: StoredMeeting) throws -> MeetingStatistics {
        // One read transaction: the roster and the notes are counted from the same state of the database.
        try read { db in
            let roster = try Store.roster(stored, db)
            let membership = try Store.membership(convention: stored.meeting.convention, db)
            // Current versions only, voided notes left out.
            let current = NoteRecord.filter(NoteRecord.Columns.meetingId == stored.id)
                .filter(NoteRecord.Columns.replacedBy == nil)
                .filter(NoteRecord.Columns.voided == false)
            let decisions = try Store.newestDecisions(stored, db)
            let notes = try current.fetchAll(db).map { note in
                MeetingStatistics.NoteFact(
                    received: Instant(secondsSinceEpoch: note.receivedAt), channel: note.channel,
                    isWithdrawal: note.kind == .withdrawal, decision: decisions[note.noteNumber])
            }
            return MeetingStatistics(
                roster: roster, statesPartiesTotal: membership.parties(on: stored.meeting.opens).count,
                notes: notes, deadline: stored.meeting.deadline, timeZone: stored.meeting.timeZone)
        }
    }
}
