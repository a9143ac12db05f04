import GRDB
import MSPDomain

/// A row of `participant`: a participant as a note lists it, identified by its note and its place in the note
/// (the table has no rowid).
public struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "participant"
    public var noteId: Int64
    public var position: Int
    public var role: Role
    public var title: String?
    public var name: String
    public var function: String?
    public var gender: Gender?
    public var email: String?

    enum CodingKeys: String, CodingKey {
        case position, role, title, name, function, gender, email
        case noteId = "note_id"
    }

    public enum Columns {
        public static let noteId = Column(CodingKeys.noteId)
        public static let position = Column(CodingKeys.position)
        public static let role = Column(CodingKeys.role)
        public static let title = Column(CodingKeys.title)
        public static let name = Column(CodingKeys.name)
        public static let function = Column(CodingKeys.function)
        public static let gender = Column(CodingKeys.gender)
        public static let email = Column(CodingKeys.email)
    }

    public init(noteId: Int64, position: Int, _ participant: Participant) {
        self.noteId = noteId
        self.position = position
        role = participant.role
        title = participant.title
        name = participant.name
        function = participant.function
        gender = participant.gender
        email = participant.email
    }

    public var participant: Participant {
        Participant(role: role, title: title, name: name, function: function, gender: gender, email: email)
    }
}

extension ParticipantRecord {
    /// Read column by column so that a role or gender this msp does not know is a `StoreError.corrupt`.
    public init(row: Row) throws {
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
