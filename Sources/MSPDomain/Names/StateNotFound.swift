extension StateDirectory {
    /// The error for a name that finds no State: "'Korea' is ambiguous: ..." when it could be several States, else
    /// "'Ugnada' is not a State the United Nations names (did you mean 'Uganda'?)", and what follows from it, if
    /// anything. `day` is the meeting's opening day, for the names of the States listed (nil: today's names);
    /// `suggestions` replaces the nearest State names (a resolver suggests organizations' names too).
    package func notFound(
        _ name: String, field: FieldPath?, on day: LocalDate?, then consequence: String? = nil,
        suggesting suggestions: [String]? = nil
    ) -> InputError {
        if case .ambiguous(let candidates) = lookup(name) {
            return Self.ambiguous(name, candidates, field: field, on: day)
        }
        return InputError(
            "'\(name)' is not a State the United Nations names\(EditDistance.didYouMean(suggestions ?? self.suggestions(for: name)))\(consequence.map { "; \($0)" } ?? "")",
            field: field)
    }

    /// "'Korea' is ambiguous: it could be Democratic People's Republic of Korea or Republic of Korea; give the
    /// State's name": the error for a name that is part of the names of several States.
    package static func ambiguous(_ name: String, _ candidates: [State], field: FieldPath?, on day: LocalDate?)
        -> InputError
    {
        let names = candidates.map { day.map($0.name(on:)) ?? $0.name }
        let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
        return InputError("'\(name)' is ambiguous: it could be \(list); give the State's name", field: field)
    }
}
