extension StateDirectory {
    /// The error for a name that finds no State, with the nearest names: "'Ugnada' is not a State the United
    /// Nations names (did you mean 'Uganda'?)" and what follows from it, if anything.
    public func notFound(_ name: String, field: String?, then consequence: String? = nil) -> InputError {
        let nearest = suggestions(for: name)
        let hint = nearest.isEmpty ? "" : " (did you mean \(nearest.map { "'\($0)'" }.joined(separator: ", "))?)"
        return InputError("'\(name)' is not a State the United Nations names\(hint)\(consequence.map { "; \($0)" } ?? "")", field: field)
    }
}
