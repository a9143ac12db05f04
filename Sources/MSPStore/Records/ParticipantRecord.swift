import GRDB
import MSPDomain

/// A row of `participant`: a participant as a note lists it, identified by its note and its place in the note
/// (the table has no rowid).
package struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    package static let databaseTableName = "participant"
    package var noteId: Int64
    package var position: Int
    package var role: Role
    package var title: String?
    package var name: String
    package var function: String?
    package var gender: Gender?
    package var email: String?

    enum CodingKeys: String, CodingKey {
        case position, role, title, name, function, gender, email
        case noteId = "note_id"
    }

    package enum Columns {
        package static let noteId = Column(CodingKeys.noteId)
        package static let position = Column(CodingKeys.position)
        package static let role = Column(CodingKeys.role)
        package static let title = Column(CodingKeys.title)
        package static let name = Column(CodingKeys.name)
        package static let function = Column(CodingKeys.function)
        package static let gender = Column(CodingKeys.gender)
        package static let email = Column(CodingKeys.email)
    }

    package init(noteId: Int64, position: Int, _ participant: Participant) {
        self.noteId = noteId
        self.position = position
        role = participant.role
        title = participant.title
        name = participant.name
        function = participant.function
        gender = participant.gender
        email = participant.email
    }

    package var participant: Participant {
        Participant(role: role, title: title, name: name, function: function, gender: gender, email: email)
    }
}

extension ParticipantRecord {
    /// Read column by column so that a role or gender this msp does not know is a `StoreError.corrupt`.
    package init(row: Row) throws {
        noteId = try row.decode(forColumn: Columns.noteId)
        position = try row.decode(forColumn: Columns.position)
        role = try row.stored(Columns.role, of: Self.databaseTableName)
        title = try row.decode(forColumn: Columns.title)
        name = try row.decode(forColumn: Columns.name)
        function = try row.decode(forColumn: Columns.function)
        gender = try row.storedIfPresent(Columns.gender, of: Self.databaseTableName)
        email = try row.decode(forColumn: Columns.email)
    }
}
