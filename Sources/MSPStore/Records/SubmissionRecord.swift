import Foundation
import GRDB
import MSPDomain

extension SubmissionStatus: DatabaseValueConvertible, StoredEnum {}

extension SubmissionKind: DatabaseValueConvertible, StoredEnum {}

/// A row of `submission` (migrations/0006_submissions.sql): a note a focal point sent through their link, with its
/// PDF, as the store keeps it.
public struct SubmissionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "submission"
    public var id: Int64?
    public var meetingId: Int64
    public var stateIso3: String?
    public var organizationId: Int64?
    public var focalPointId: Int64
    /// When the server received it (seconds since 1970).
    public var receivedAt: Int64
    public var changeId: Int64
    /// The checked transcription, as JSON (`SubmissionContent`).
    public var content: String
    /// The PDF's size in bytes; its bytes are in `submission_document`.
    public var pdfSize: Int
    public var pdfSha256: Data
    public var status: SubmissionStatus
    public var decidedChangeId: Int64?
    public var noteNumber: Int64?
    public var kind: SubmissionKind

    enum CodingKeys: String, CodingKey {
        case id, content, status, kind
        case pdfSize = "pdf_size"
        case meetingId = "meeting_id"
        case stateIso3 = "state_iso3"
        case organizationId = "organization_id"
        case focalPointId = "focal_point_id"
        case receivedAt = "received_at"
        case changeId = "change_id"
        case pdfSha256 = "pdf_sha256"
        case decidedChangeId = "decided_change_id"
        case noteNumber = "note_number"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let stateIso3 = Column(CodingKeys.stateIso3)
        public static let organizationId = Column(CodingKeys.organizationId)
        public static let focalPointId = Column(CodingKeys.focalPointId)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let changeId = Column(CodingKeys.changeId)
        public static let content = Column(CodingKeys.content)
        public static let pdfSize = Column(CodingKeys.pdfSize)
        public static let pdfSha256 = Column(CodingKeys.pdfSha256)
        public static let status = Column(CodingKeys.status)
        public static let decidedChangeId = Column(CodingKeys.decidedChangeId)
        public static let noteNumber = Column(CodingKeys.noteNumber)
        public static let kind = Column(CodingKeys.kind)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What a submission says, as `submission.content` keeps it: the note's reference and its participants, checked.
public struct SubmissionContent: Codable, Sendable, Equatable {
    public var reference: String?
    public var participants: [Participant]

    public init(reference: String?, participants: [Participant]) {
        self.reference = reference
        self.participants = participants
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ json: String, id: Int64) throws -> SubmissionContent {
        do {
            return try JSONDecoder().decode(SubmissionContent.self, from: Data(json.utf8))
        } catch {
            throw StoreError.corrupt(table: "submission", column: "content", value: "row \(id)")
        }
    }
}
