import GRDB
import MSPDomain

extension Store {
    /// A delegation's category: a State's from the convention's records on the opening day, an organization's as
    /// registered.
    static func category(stateIso3: String?, organizationCategory: String?, membership: TreatyMembership,
                         on day: LocalDate) -> Category {
        if let stateIso3 { return membership.category(of: stateIso3, on: day) }
        return organizationCategory.flatMap(Category.init(rawValue:)) ?? .civilSociety
    }
}
