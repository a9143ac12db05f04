/// A span of days during which a State bore one UN short name: "Swaziland" until 18 April 2018, "Eswatini" from
/// 19 April 2018. Both days are inclusive; nil is open (in use since before 2000, or still in use).
package struct NamePeriod: Hashable, Sendable {
    package var name: String
    package var from: LocalDate?
    package var to: LocalDate?

    package init(name: String, from: LocalDate?, to: LocalDate?) {
        self.name = name
        self.from = from
        self.to = to
    }

    package func contains(_ day: LocalDate) -> Bool {
        (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }
}

extension State {
    /// The UN short name in force on `day`, the one a document of that day prints: "The former Yugoslav Republic of
    /// Macedonia", "Swaziland" and "Turkey" on 4 September 2017; "Czechia" from 17 May 2016.
    ///
    /// A State without name periods has had today's name throughout. A day before the State's first period (before
    /// it existed as a State: South Sudan before 9 July 2011) has no name of its own; it is given today's name.
    package func name(on day: LocalDate) -> String {
        namePeriods.first { $0.contains(day) }?.name ?? name
    }
}

extension Represented {
    /// The name a document of a meeting opening on `day` prints: a State's UN short name in force that day
    /// (`State.name(on:)`), an organization's name.
    package func name(on day: LocalDate) -> String {
        switch self {
        case .state(let state): return state.name(on: day)
        case .organization(let organization), .newOrganization(let organization): return organization.name
        }
    }
}

extension NamePeriod {
    /// Reads `state-names-history.csv` (`iso_alpha3,name,valid_from,valid_to,source`): one row per name period of
    /// each State whose UN short name changed since 2000, by ISO code, oldest first. `names` gives today's name of
    /// every State by ISO code.
    ///
    /// The rows of a State must follow one another without gap or overlap (each `valid_to` the day before the next
    /// `valid_from`), only the first may be open at the start, and the last must be open at the end and carry
    /// today's name: a table that breaks this would give some day no name, or two.
    package static func parseHistory(csv text: String, names: [String: String]) throws -> [String: [NamePeriod]] {
        let expected = ["iso_alpha3", "name", "valid_from", "valid_to", "source"]
        var reader = CSVRecordReader(text: text)
        func nextRow() throws -> CSVRecordReader.Record? {
            do { return try reader.next() } catch let problem as CSVRecordReader.Problem {
                throw InputError("state-names-history.csv: line \(problem.line): \(problem.message)")
            }
        }
        guard try nextRow()?.fields == expected else {
            throw InputError("state-names-history.csv: the header is not \(expected.joined(separator: ","))")
        }
        var periods: [String: [NamePeriod]] = [:]
        while let record = try nextRow() {
            let row = record.fields
            func problem(_ text: String) -> InputError {
                InputError("state-names-history.csv: line \(record.line): \(text)")
            }
            guard row.count == expected.count else {
                throw problem("\(row.count) columns, not \(expected.count)")
            }
            // Cells by the header's names (checked above).
            func cell(_ column: String) -> String { row[expected.firstIndex(of: column)!] }
            let iso3 = cell("iso_alpha3")
            guard names[iso3] != nil else { throw problem("'\(iso3)' is not the code of a State in states.csv") }
            func day(_ text: String, _ column: String) throws -> LocalDate? {
                guard !text.isEmpty else { return nil }
                guard let day = LocalDate(iso: text) else { throw problem("\(column) '\(text)' is not a day") }
                return day
            }
            let period = NamePeriod(
                name: cell("name"), from: try day(cell("valid_from"), "valid_from"),
                to: try day(cell("valid_to"), "valid_to"))
            guard !period.name.isEmpty else { throw problem("the name is empty") }
            if let from = period.from, let to = period.to, to < from {
                throw problem("valid_to \(to) is before valid_from \(from)")
            }
            if let previous = periods[iso3]?.last {
                guard let end = previous.to, let from = period.from, from == end.adding(days: 1) else {
                    throw problem("\(period.name) does not start the day after \(previous.name) ends")
                }
            }
            periods[iso3, default: []].append(period)
        }
        for (iso3, list) in periods {
            guard let last = list.last, last.to == nil, last.name == names[iso3] else {
                throw InputError(
                    "state-names-history.csv: the last name of \(iso3) must be open-ended and be its name in states.csv, \(names[iso3] ?? "")"
                )
            }
        }
        return periods
    }
}
