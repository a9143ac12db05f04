import GRDB
import MSPDomain

extension Store {
    /// A delegation's category: a State's from the convention's records on the opening day, an organization's as
    /// registered. The schema gives every delegation either a State or an organization; one with neither is a
    /// damaged file.
    static func category(
        stateIso3: String?, organizationCategory: Category?, membership: TreatyMembership,
        at meeting: Meeting
    ) throws -> Category {
        if let stateIso3 { return membership.category(of: stateIso3, at: meeting) }
        guard let organizationCategory else {
            throw StoreError.corrupt(table: "delegation", column: "organization_id", value: "NULL")
        }
        return organizationCategory
    }
}
