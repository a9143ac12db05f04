import GRDB
import MSPDomain

extension Store {
    /// The State or organization a row of `table` names by its `state_iso3` or `organization_id` (the schema sets
    /// exactly one); anything else is a damaged file. Organizations are read once per query through `cache`.
    static func represented(
        stateIso3: String?, organizationId: Int64?, table: String, cache: inout [Int64: Organization],
        _ db: Database
    ) throws -> Represented {
        if let stateIso3 {
            guard let state = ReferenceData.states.state(iso3: stateIso3) else {
                throw StoreError.corrupt(table: table, column: "state_iso3", value: stateIso3)
            }
            return .state(state)
        }
        guard let organizationId else { throw StoreError.corrupt(table: table, column: "state_iso3", value: "NULL") }
        if cache[organizationId] == nil {
            cache[organizationId] = try OrganizationRecord.fetchOne(db, key: organizationId)?.organization
        }
        guard let organization = cache[organizationId] else {
            throw StoreError.corrupt(table: table, column: "organization_id", value: String(organizationId))
        }
        return .organization(organization)
    }
}
