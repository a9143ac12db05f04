import MSPDomain

/// A document's masthead as the JSON of `export-roster`, `credentials report` and `document show` writes it: every
/// key present, null when not set.
struct MastheadDocument: Encodable, Equatable {
    var kind: String
    /// "Provisional list of participants".
    var title: String
    var symbol: String?
    var distribution: String
    /// YYYY-MM-DD.
    var issued: String?
    var provisional: Bool
    var originalLanguage: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, title, symbol, distribution, issued, provisional
        case originalLanguage = "original_language"
    }

    init(_ masthead: Masthead, kind: DocumentKind) {
        self.kind = kind.rawValue
        title = masthead.title(kind)
        symbol = masthead.symbol
        distribution = masthead.distribution.rawValue
        issued = masthead.issued?.description
        provisional = masthead.provisional
        originalLanguage = masthead.originalLanguage.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(distribution, forKey: .distribution)
        try c.encode(issued, forKey: .issued)
        try c.encode(provisional, forKey: .provisional)
        try c.encode(originalLanguage, forKey: .originalLanguage)
    }

    /// The masthead for people, one line each: the symbol, then distribution, date and original language; nothing
    /// when neither a symbol nor a date is set.
    static func lines(_ masthead: Masthead) -> [String] {
        guard masthead.symbol != nil || masthead.issued != nil else { return [] }
        return (masthead.symbol.map { [$0] } ?? []) + masthead.lines
    }
}

extension MastheadDocument: ReportRow {}

/// How `msp document set` says what a document now prints.
enum DocumentReport {
    /// "the list of participants is CCM/MSP/2017/INF.1, Provisional list of participants, Distribution: General,
    /// 4 September 2017, Original: English".
    static func sentence(_ masthead: Masthead, kind: DocumentKind) -> String {
        "\(kind.name) is "
            + ([masthead.symbol ?? "without symbol", masthead.title(kind)] + masthead.lines)
            .joined(separator: ", ")
    }
}
