import MSPApplication
import MSPDomain

/// A delegation's focal point as `msp focal-point list` writes it: its newest link, with no part of the token.
struct FocalPointRow: ReportRow, Equatable {
    var delegation: String
    var email: String
    /// `active` (the link works) or `revoked` (revoked, or replaced by a re-issued link).
    var status: String
    /// When the link was issued (or re-issued), with the meeting's offset.
    var createdAt: String
    var createdBy: String
    /// When it stopped working; null while it works.
    var revokedAt: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delegation, email, status
        case createdAt = "created_at"
        case createdBy = "created_by"
        case revokedAt = "revoked_at"
    }

    init(_ focalPoint: FocalPoint, zone: VenueTimeZone) {
        delegation = focalPoint.delegation
        email = focalPoint.email
        status = focalPoint.status.rawValue
        createdAt = zone.format(focalPoint.issuedAt)
        createdBy = focalPoint.issuedBy
        revokedAt = focalPoint.revokedAt.map(zone.format)
    }
}

/// `msp focal-point list`: one row per delegation that has had a focal point, the same keys in every format.
enum FocalPointListReport {
    static func render(_ focalPoints: [FocalPoint], meeting: Meeting, format: OutputFormat) throws -> String {
        try Writers.rows(focalPoints.map { FocalPointRow($0, zone: meeting.timeZone) }, as: format)
    }
}
