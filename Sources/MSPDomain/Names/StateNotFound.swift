extension StateDirectory {
    /// The error for a name that finds no State, with the nearest names: "'Ugnada' is not a State the United
    /// Nations names (did you mean 'Uganda'?)" and what follows from it, if anything.
    public func notFound(_ name: String, field: FieldPath?, then consequence: String? = nil) -> InputError {
        InputError(
            "'\(name)' is not a State the United Nations names\(EditDistance.didYouMean(suggestions(for: name)))\(consequence.map { "; \($0)" } ?? "")",
            field: field)
    }
}
