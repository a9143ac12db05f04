import CSV

/// An international organization or civil-society organization that sends delegations: the ICRC, the CMC, GICHD.
package struct Organization: Hashable, Sendable {
    package var name: String
    package var acronym: String?
    package var category: Category
    package var aliases: [String]

    package init(name: String, acronym: String? = nil, category: Category, aliases: [String] = []) {
        self.name = name
        self.acronym = acronym
        self.category = category
        self.aliases = aliases
    }

    /// Every name the organization is found by.
    package var names: [String] { [name] + (acronym.map { [$0] } ?? []) + aliases }

    /// A new organization's name as typed; "Norwegian People's Aid (NPA)" gives the acronym NPA.
    package static func fromTyped(_ typed: String, category: Category) -> Organization {
        let trimmed = typed.trimmingWhitespaces
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            let name = String(trimmed[..<open]).trimmingWhitespaces
            if !name.isEmpty, !inner.isEmpty, inner.count <= 12, !inner.contains(" ") {
                return Organization(name: name, acronym: String(inner), category: category)
            }
        }
        return Organization(name: trimmed, category: category)
    }

    /// Reads `organizations.csv`: `name,acronym,category,aliases` (aliases separated by `|`).
    package static func parseFixture(csv text: String) throws -> [Organization] {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let expected = ["name", "acronym", "category", "aliases"]
        guard reader.headerRow == expected else {
            throw InputError("organizations.csv: the header is not \(expected.joined(separator: ","))")
        }
        var organizations: [Organization] = []
        while let row = reader.next() {
            let line = organizations.count + 2
            guard row.count == expected.count else {
                throw InputError("organizations.csv: line \(line) has \(row.count) columns, not \(expected.count)")
            }
            // Cells by the header's names (checked above).
            func cell(_ column: String) -> String { reader[column] ?? "" }
            guard let category = Category(rawValue: cell("category")) else {
                throw InputError("organizations.csv: line \(line): category '\(cell("category"))' is not one msp knows")
            }
            guard !category.isStateCategory else {
                throw InputError(
                    "organizations.csv: line \(line): an organization's category is international_organization or civil_society"
                )
            }
            organizations.append(
                Organization(
                    name: cell("name"), acronym: cell("acronym").nilIfEmpty, category: category,
                    aliases: cell("aliases").split(separator: "|").map(String.init)))
        }
        return organizations
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when there is nothing to trim: a first and last
    /// byte that are ASCII and neither a space nor a tab. Foundation's goes through NSString, 15,000 instructions
    /// for each organization's name an import resolves.
    var trimmingWhitespaces: String {
        guard let (first, last) = utf8Ends else { return self }
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
