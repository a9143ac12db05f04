import Foundation
import GRDB
import MSPDomain

extension SubmissionStatus: DatabaseValueConvertible, StoredEnum {}

extension SubmissionKind: DatabaseValueConvertible, StoredEnum {}

/// A row of `submission` (migrations/0006_submissions.sql): a note a focal point sent through their link, with its
/// PDF, as the store keeps it.
package struct SubmissionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    package static let databaseTableName = "submission"
    package var id: Int64?
    package var meetingId: Int64
    package var stateIso3: String?
    package var organizationId: Int64?
    package var focalPointId: Int64
    /// When the server received it (seconds since 1970).
    package var receivedAt: Int64
    package var changeId: Int64
    /// The checked transcription, as JSON (`SubmissionContent`).
    package var content: String
    /// The PDF's size in bytes; its bytes are in `submission_document`.
    package var pdfSize: Int
    package var pdfSha256: Data
    package var status: SubmissionStatus
    package var decidedChangeId: Int64?
    package var noteNumber: Int64?
    package var kind: SubmissionKind

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

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let meetingId = Column(CodingKeys.meetingId)
        package static let stateIso3 = Column(CodingKeys.stateIso3)
        package static let organizationId = Column(CodingKeys.organizationId)
        package static let focalPointId = Column(CodingKeys.focalPointId)
        package static let receivedAt = Column(CodingKeys.receivedAt)
        package static let changeId = Column(CodingKeys.changeId)
        package static let content = Column(CodingKeys.content)
        package static let pdfSize = Column(CodingKeys.pdfSize)
        package static let pdfSha256 = Column(CodingKeys.pdfSha256)
        package static let status = Column(CodingKeys.status)
        package static let decidedChangeId = Column(CodingKeys.decidedChangeId)
        package static let noteNumber = Column(CodingKeys.noteNumber)
        package static let kind = Column(CodingKeys.kind)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What a submission says, as `submission.content` keeps it: the note's reference and its participants, checked.
package struct SubmissionContent: Codable, Sendable, Equatable {
    package var reference: String?
    package var participants: [Participant]

    package init(reference: String?, participants: [Participant]) {
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
