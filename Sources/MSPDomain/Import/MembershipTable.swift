import CSV

/// Reads a convention's membership table: `iso_alpha3,state,signature_date,consent_date,consent_kind,withdrawal_effective_date`.
///
/// The first problem is thrown as an `ImportProblem` with its line and column; the reader of the file adds its name.
package enum MembershipTable {
    package static let header = [
        "iso_alpha3", "state", "signature_date", "consent_date", "consent_kind", "withdrawal_effective_date",
    ]

    package static func parse(csv text: String, states: StateDirectory) throws -> [MembershipRecord] {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        guard reader.headerRow == header else {
            throw ImportProblem(line: 1, message: "the header is not \(header.joined(separator: ","))")
        }
        var records: [MembershipRecord] = []
        var lineOf: [String: Int] = [:]
        var line = 1
        while let row = reader.next() {
            line += 1
            guard row.count == header.count else {
                throw ImportProblem(line: line, message: "\(row.count) columns, not \(header.count)")
            }
            // Cells by the header's names (the header was checked above).
            func cell(_ column: String) -> String { reader[column] ?? "" }
            for (column, value) in zip(header, row) {
                do {
                    try value.checkedText(column, field: nil)
                } catch let error as InputError {
                    throw ImportProblem(line: line, column: column, message: error.message)
                }
            }
            func date(_ column: String) throws -> LocalDate? {
                let value = cell(column).trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { return nil }
                do {
                    return try LocalDate.parse(value)
                } catch let error as InputError {
                    throw ImportProblem(line: line, column: column, message: error.message)
                }
            }
            let iso3 = cell("iso_alpha3")
            let name = cell("state")
            guard let state = states.find(iso3) ?? states.find(name) else {
                throw ImportProblem(line: line, message: "'\(iso3)' / '\(name)' is not a State the UN names")
            }
            // An ISO code and a name that mean two different States: which one was meant?
            if let byName = states.find(name), byName.iso3 != state.iso3 {
                throw ImportProblem(
                    line: line, message: "iso_alpha3 '\(iso3)' is \(state.name) but state '\(name)' is \(byName.name)")
            }
            if let earlier = lineOf[state.iso3] {
                throw ImportProblem(line: line, message: "\(state.name) is already on line \(earlier)")
            }
            lineOf[state.iso3] = line
            let kind = cell("consent_kind").trimmingCharacters(in: .whitespaces)
            let consentKind: ConsentKind?
            do {
                consentKind = kind.isEmpty ? nil : try ConsentKind.parse(kind)
            } catch let error as InputError {
                throw ImportProblem(line: line, column: "consent_kind", message: error.message)
            }
            let record = MembershipRecord(
                iso3: state.iso3, signed: try date("signature_date"), consented: try date("consent_date"),
                consentKind: consentKind, withdrawalEffective: try date("withdrawal_effective_date"))
            do {
                try record.check()
            } catch let error as InputError {
                throw ImportProblem(line: line, message: error.message)
            }
            records.append(record)
        }
        return records
    }
}
