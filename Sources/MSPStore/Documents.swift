import GRDB
import MSPDomain

extension Store {
    /// What is set for the meeting's document `kind`; `Masthead.unset` when nothing is.
    package func masthead(_ kind: DocumentKind, meeting: StoredMeeting) throws -> Masthead {
        try read { db in
            try MeetingDocumentRecord
                .filter(MeetingDocumentRecord.Columns.meetingId == meeting.id)
                .filter(MeetingDocumentRecord.Columns.kind == kind)
                .fetchOne(db)?.masthead() ?? .unset
        }
    }

    /// Sets the meeting's document `kind` to `masthead`, as one change.
    package func setMasthead(_ masthead: Masthead, for kind: DocumentKind, meeting: StoredMeeting, change: ChangeInfo)
        throws
    {
        try transaction { db in
            let changeId = try change.insert(
                db,
                summary:
                    "set \(kind.name) of \(meeting.meeting.code): \(masthead.symbol ?? "no symbol"), \(masthead.provisional ? "provisional" : "final")"
            )
            try MeetingDocumentRecord(meetingId: meeting.id, kind: kind, masthead: masthead, changeId: changeId)
                .save(db)
        }
    }
}
