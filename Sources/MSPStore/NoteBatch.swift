import GRDB
import MSPDomain

extension Store {
    /// Records notes as `body` hands them to the recorder, in one IMMEDIATE transaction and as one change, which
    /// `body` decides to commit or roll back (an import with problems, a dry run); rolled back if it throws.
    package func recordNotes<T>(
        meeting: StoredMeeting, change: ChangeInfo, summary: String,
        _ body: (inout NoteRecorder) throws -> (result: T, commit: Bool)
    ) throws -> T {
        try writeTransaction { db in
            // Keep a large batch's pages in memory rather than spilling them to the WAL mid-transaction (the cache
            // only takes what is used: 41 MB peak for 100,000 participants).
            try db.execute(sql: "PRAGMA cache_size = -65536")
            let changeId = try change.insert(db, summary: summary)
            var recorder = NoteRecorder(db: db, meeting: meeting, changeId: changeId)
            return try body(&recorder)
        }
    }
}
