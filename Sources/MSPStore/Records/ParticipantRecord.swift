import GRDB
import MSPDomain

/// A participant as a note lists it; identified by its note and its place in the note (the table has no rowid).
public struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "participant"
    public var noteId: Int64
    public var position: Int
    public var role: String
    public var title: String?
    public var name: String
    public var function: String?
    public var gender: String?
    public var email: String?

    enum CodingKeys: String, CodingKey {
        case position, role, title, name, function, gender, email
        case noteId = "note_id"
    }

    public init(noteId: Int64, position: Int, _ participant: Participant) {
        self.noteId = noteId
        self.position = position
        role = participant.role.rawValue
        title = participant.title
        name = participant.name
        function = participant.function
        gender = participant.gender?.rawValue
        email = participant.email
    }

    public var participant: Participant {
        Participant(role: Role(rawValue: role) ?? .adviser, title: title, name: name, function: function,
                    gender: gender.flatMap(Gender.init(rawValue:)), email: email)
    }
}
