/// The five categories of participants, in the order of the list of participants (rules of procedure,
/// CCM/MSP/2010/3, and Article 11 of the Convention).
package enum Category: String, CaseIterable, Comparable, Sendable, Codable {
    case statesParties = "state_party"
    case signatoryStates = "signatory_state"
    case observerStates = "observer_state"
    case internationalOrganizations = "international_organization"
    case civilSociety = "civil_society"

    /// The heading of the group in the list of participants.
    package var title: String {
        switch self {
        case .statesParties: return "States Parties"
        case .signatoryStates: return "Signatory States"
        case .observerStates: return "Observer States"
        case .internationalOrganizations: return "International organizations"
        case .civilSociety: return "Civil society"
        }
    }

    /// A State's category follows from the treaty; an organization's is chosen when it is first registered.
    package var isStateCategory: Bool {
        switch self {
        case .statesParties, .signatoryStates, .observerStates: return true
        case .internationalOrganizations, .civilSociety: return false
        }
    }

    package var order: Int { Category.allCases.firstIndex(of: self)! }

    package static func < (a: Category, b: Category) -> Bool { a.order < b.order }

    package static let keys = allCases.map(\.rawValue).joined(separator: ", ")

    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> Category {
        // As stored ("civil_society"): no trimming and lowercasing through Foundation (41,000 instructions).
        if let category = Category(rawValue: raw) { return category }
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        if let category = Category(rawValue: key) { return category }
        throw InputError("'\(raw)' is not a category: one of \(keys)", field: field)
    }
}
