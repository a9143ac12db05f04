import MSPDomain
import MSPStore

/// What the secretariat sets for one of a meeting's official documents, as a front end gives it: each field nil is
/// left as it is; an empty symbol or date removes it.
package struct MastheadRequest: Sendable, Equatable {
    package var kind: DocumentKind
    package var symbol: String?
    package var distribution: String?
    /// The date of issue, YYYY-MM-DD.
    package var issued: String?
    /// False issues the final document; true makes it provisional again.
    package var provisional: Bool?
    package var language: String?

    package init(
        kind: DocumentKind, symbol: String? = nil, distribution: String? = nil, issued: String? = nil,
        provisional: Bool? = nil, language: String? = nil
    ) {
        self.kind = kind
        self.symbol = symbol
        self.distribution = distribution
        self.issued = issued
        self.provisional = provisional
        self.language = language
    }
}

extension FieldPath {
    /// A document's masthead: its symbol, distribution, date of issue and original language.
    package static let symbol = key("symbol")
    package static let distribution = key("distribution")
    package static let issued = key("issued")
    package static let language = key("language")
}

extension RegistrationDesk {
    /// Sets what one of the meeting's documents prints in its masthead (symbol, distribution, date of issue, final or
    /// provisional, original language), each field checked; what the request leaves out stays as it was.
    package func setMasthead(_ request: MastheadRequest, meeting code: String? = nil) throws -> (
        meeting: Meeting, masthead: Masthead
    ) {
        try writing {
            let stored = try meeting(code: code)
            var masthead = try store.masthead(request.kind, meeting: stored)
            if let symbol = request.symbol { masthead.symbol = try Masthead.symbol(symbol, field: .symbol) }
            if let distribution = request.distribution {
                masthead.distribution = try Distribution.parse(distribution, field: .distribution)
            }
            if let issued = request.issued {
                masthead.issued = issued.trimmed.isEmpty ? nil : try LocalDate.parse(issued.trimmed, field: .issued)
            }
            if let provisional = request.provisional { masthead.provisional = provisional }
            if let language = request.language {
                masthead.originalLanguage = try Masthead.Language.parse(language, field: .language)
            }
            try store.setMasthead(masthead, for: request.kind, meeting: stored, change: change("document set"))
            return (stored.meeting, masthead)
        }
    }

    /// What one of the meeting's documents prints in its masthead (`Masthead.unset` until the secretariat sets it).
    package func masthead(_ kind: DocumentKind, meeting code: String? = nil) throws -> (
        meeting: Meeting, masthead: Masthead
    ) {
        try reading {
            let stored = try meeting(code: code)
            return (stored.meeting, try store.masthead(kind, meeting: stored))
        }
    }
}
