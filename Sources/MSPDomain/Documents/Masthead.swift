/// The documents msp publishes for a meeting as official documents: the list of participants and the credentials
/// report.
package enum DocumentKind: String, CaseIterable, Sendable, Codable {
    case participants, credentials

    /// The document's name in a sentence: "the list of participants".
    package var name: String {
        switch self {
        case .participants: return "the list of participants"
        case .credentials: return "the credentials report"
        }
    }
}

/// How a UN document's distribution is restricted, as its masthead says.
package enum Distribution: String, CaseIterable, Sendable, Codable {
    case general = "General"
    case limited = "Limited"
    case restricted = "Restricted"

    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> Distribution {
        if let found = named(raw) { return found }
        throw InputError("'\(raw)' is not a distribution: one of General, Limited, Restricted", field: field)
    }
}

/// What a UN document prints at its top: its symbol top right ("CCM/MSP/2017/INF.1"), the distribution and the date
/// of issue under it, the language of the original, and, for a list of participants, the word "Provisional" until
/// the secretariat issues the final list.
///
/// The symbol is the secretariat's to choose (UN symbols are made of series components joined by "/": body, session,
/// year, then INF. for information documents); msp only checks that it looks like one. Until a symbol is set, a
/// document has none and is provisional, in English.
package struct Masthead: Sendable, Equatable, Codable {
    package var symbol: String?
    package var distribution: Distribution
    /// The date of issue; nil prints none.
    package var issued: LocalDate?
    /// True until the final document is issued.
    package var provisional: Bool
    /// The language the document was written in ("Original: English").
    package var originalLanguage: Language

    /// The six official languages of the United Nations: a document's original is in one of them.
    package enum Language: String, CaseIterable, Sendable, Codable {
        case arabic = "Arabic"
        case chinese = "Chinese"
        case english = "English"
        case french = "French"
        case russian = "Russian"
        case spanish = "Spanish"

        package static func parse(_ raw: String, field: FieldPath? = nil) throws -> Language {
            if let found = named(raw) { return found }
            throw InputError(
                "'\(raw)' is not an official language of the United Nations: one of Arabic, Chinese, English, French, Russian, Spanish",
                field: field)
        }
    }

    package init(
        symbol: String? = nil, distribution: Distribution = .general, issued: LocalDate? = nil,
        provisional: Bool = true, originalLanguage: Language = .english
    ) {
        self.symbol = symbol
        self.distribution = distribution
        self.issued = issued
        self.provisional = provisional
        self.originalLanguage = originalLanguage
    }

    /// A document no one has set: no symbol, General, no date, provisional, English.
    package static let unset = Masthead()

    /// The document's title as it heads the page: "Provisional list of participants", "List of participants",
    /// "Credentials".
    package func title(_ kind: DocumentKind) -> String {
        switch kind {
        case .participants: return provisional ? "Provisional list of participants" : "List of participants"
        case .credentials: return provisional ? "Provisional credentials report" : "Credentials report"
        }
    }

    /// The lines printed under the symbol, top right: "Distribution: General", the date of issue, "Original: English".
    package var lines: [String] {
        ["Distribution: \(distribution.rawValue)"] + (issued.map { [$0.longDescription] } ?? [])
            + ["Original: \(originalLanguage.rawValue)"]
    }

    /// The longest symbol taken; UN symbols run to about 40 characters ("FCCC/PA/CMA/2023/INF.3/Add.1").
    package static let maxSymbolLength = 60

    /// A symbol as the secretariat typed it, checked: letters, digits and `/ . - ( )` and spaces, with at least one
    /// "/" between components, at most `maxSymbolLength` characters. Empty is no symbol.
    package static func symbol(_ raw: String, field: FieldPath? = nil) throws -> String? {
        let symbol = try raw.checkedText("symbol", field: field).trimmed
        if symbol.isEmpty { return nil }
        guard symbol.count <= maxSymbolLength else {
            throw InputError("the symbol is longer than \(maxSymbolLength) characters", field: field)
        }
        let allowed = symbol.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "/.-() ".unicodeScalars.contains($0)
        }
        let components = symbol.split(separator: "/", omittingEmptySubsequences: false)
        guard allowed, components.count >= 2, components.allSatisfy({ !String($0).trimmed.isEmpty }) else {
            throw InputError(
                "'\(symbol)' is not a document symbol: components of letters, digits and . - ( ) joined by / (e.g. CCM/MSP/2017/INF.1)",
                field: field)
        }
        return symbol
    }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The case whose name is `raw`, whatever its case and surrounding spaces ("general" is General).
    static func named(_ raw: String) -> Self? {
        let key = raw.trimmed.lowercased()
        return allCases.first { $0.rawValue.lowercased() == key }
    }
}
