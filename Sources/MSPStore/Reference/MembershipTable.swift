import CSV
import MSPDomain

/// Reads a convention's membership table: `iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date`.
public enum MembershipTable {
    public static let header = ["iso_alpha3", "state", "signature_date", "consent_date", "consent_kind", "withdrawal_effective_date"]

    public static func parse(csv text: String, states: StateDirectory, file: String) throws -> [MembershipRecord] {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        guard reader.headerRow == header else {
            throw InputError("\(file):1: the header is not \(header.joined(separator: ","))")
        }
        var records: [MembershipRecord] = []
        var lineOf: [String: Int] = [:]
        var line = 1
        while let row = reader.next() {
            line += 1
            guard row.count == header.count else {
                throw InputError("\(file):\(line): \(row.count) columns, not \(header.count)")
            }
            // Cells by the header's names (the header was checked above).
            func cell(_ column: String) -> String { reader[column] ?? "" }
            func date(_ column: String) throws -> LocalDate? {
                let value = cell(column).trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : try LocalDate.parse(value, field: "\(file):\(line): \(column)")
            }
            let iso3 = cell("iso_alpha3"), name = cell("state")
            guard let state = states.find(iso3) ?? states.find(name) else {
                throw InputError("\(file):\(line): '\(iso3)' / '\(name)' is not a State the UN names")
            }
            // An ISO code and a name that mean two different States: which one was meant?
            if let byName = states.find(name), byName.iso3 != state.iso3 {
                throw InputError("\(file):\(line): iso_alpha3 '\(iso3)' is \(state.name) but state '\(name)' is \(byName.name)")
            }
            if let earlier = lineOf[state.iso3] {
                throw InputError("\(file):\(line): \(state.name) is already on line \(earlier)")
            }
            lineOf[state.iso3] = line
            let kind = cell("consent_kind").trimmingCharacters(in: .whitespaces)
            let record = MembershipRecord(
                iso3: state.iso3, signed: try date("signature_date"), consented: try date("consent_date"),
                consentKind: kind.isEmpty ? nil : try ConsentKind.parse(kind, field: "\(file):\(line): consent_kind"),
                withdrawalEffective: try date("withdrawal_effective_date"))
            try record.check(field: "\(file):\(line)")
            records.append(record)
        }
        return records
    }
}
