import GRDB
import MSPDomain

/// What `treaty import` did.
package struct MembershipImport: Sendable, Equatable {
    package var added: Int
    package var changed: Int
    package var unchanged: Int
}

extension Store {
    /// How many States the convention's membership records name (none: the convention is unknown here).
    package func membershipRecordCount(convention: String) throws -> Int {
        try read { db in try TreatyMembershipRecord.filter { $0.convention == convention }.fetchCount(db) }
    }

    /// Records one fact of a State's membership of a convention that already has records, as one change.
    /// Returns the record before (nil if the State had none) and after.
    package func recordMembership(
        convention: String, state: State, change fact: MembershipChange,
        change: ChangeInfo, field: FieldPath? = nil
    ) throws -> (before: MembershipRecord?, after: MembershipRecord) {
        try transaction { db in
            let before = try TreatyMembershipRecord.fetchOne(
                db, key: ["convention": convention, "state_iso3": state.iso3])?.record
            let after = try (before ?? MembershipRecord(iso3: state.iso3)).applying(fact, field: field)
            if after != before {
                try TreatyMembershipRecord(convention: convention, after).save(db)
                _ = try change.insert(
                    db, summary: "\(convention): \(state.name) \(fact.description) (was: \(Store.describe(before)))")
            }
            return (before, after)
        }
    }

    /// Loads a convention's table: each State in `records` gets the record given (added or replaced); States not in
    /// it keep theirs. One transaction, one change.
    package func importMembership(
        convention: String, records: [MembershipRecord], source: String,
        change: ChangeInfo
    ) throws -> MembershipImport {
        try transaction { db in
            var result = MembershipImport(added: 0, changed: 0, unchanged: 0)
            for record in records {
                let before = try TreatyMembershipRecord.fetchOne(
                    db, key: ["convention": convention, "state_iso3": record.iso3])?.record
                if before == nil {
                    result.added += 1
                } else if before == record {
                    result.unchanged += 1; continue
                } else {
                    result.changed += 1
                }
                try TreatyMembershipRecord(convention: convention, record).save(db)
            }
            _ = try change.insert(
                db,
                summary:
                    "\(convention): imported \(records.count) membership records from \(source) (\(result.added) added, \(result.changed) changed)"
            )
            return result
        }
    }

    static func describe(_ record: MembershipRecord?) -> String {
        guard let record else { return "no record" }
        var parts: [String] = []
        if let signed = record.signed { parts.append("signed \(signed)") }
        if let consented = record.consented {
            parts.append("\(record.consentKind?.rawValue ?? "consent") \(consented)")
        }
        if let withdrawal = record.withdrawalEffective { parts.append("withdrawal \(withdrawal)") }
        return parts.isEmpty ? "no dates" : parts.joined(separator: ", ")
    }
}
