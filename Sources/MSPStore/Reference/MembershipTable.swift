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
            func date(_ column: Int) throws -> LocalDate? {
                let value = row[column].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : try LocalDate.parse(value, field: "\(file):\(line): \(header[column])")
            }
            guard let state = states.find(row[0]) ?? states.find(row[1]) else {
                throw InputError("\(file):\(line): '\(row[0])' / '\(row[1])' is not a State the UN names")
            }
            // An ISO code and a name that mean two different States: which one was meant?
            if let byName = states.find(row[1]), byName.iso3 != state.iso3 {
                throw InputError("\(file):\(line): iso_alpha3 '\(row[0])' is \(state.name) but state '\(row[1])' is \(byName.name)")
            }
            if let earlier = lineOf[state.iso3] {
                throw InputError("\(file):\(line): \(state.name) is already on line \(earlier)")
            }
            lineOf[state.iso3] = line
            let kind = row[4].trimmingCharacters(in: .whitespaces)
            let record = MembershipRecord(
                iso3: state.iso3, signed: try date(2), consented: try date(3),
                consentKind: kind.isEmpty ? nil : try ConsentKind.parse(kind, field: "\(file):\(line): consent_kind"),
                withdrawalEffective: try date(5))
            try record.check(field: "\(file):\(line)")
            records.append(record)
        }
        return records
    }
}
