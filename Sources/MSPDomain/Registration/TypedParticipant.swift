/// A participant typed on one line at a terminal, as `msp register --head`, `--alternate` and `--adviser` take it:
///
///     name; function; gender; e-mail
///
/// separated by semicolons, every part after the name optional (trailing parts left out, a part in the middle left
/// empty: "Ms. Kim; ; female"). Commas belong to the part they are in, so a name or function with commas
/// ("Ambassador, Permanent Representative") needs nothing special; a semicolon cannot be part of a name or function.
/// A gender or an e-mail address in the place of the function is refused, not taken as a function.
extension Submission.ParticipantEntry {
    package static let typedForm = "name; function; gender; e-mail"

    package static func typed(_ text: String, role: String, field: FieldPath) throws -> Submission.ParticipantEntry {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmed }
        guard parts.count <= 4 else {
            throw InputError(
                "'\(text)' has \(parts.count) parts: a participant is '\(typedForm)' (a name or function cannot contain ';')",
                field: field)
        }
        func part(_ index: Int) -> String? { index < parts.count ? parts[index].trimmedOrNil : nil }
        let function = part(1)
        if let function {
            if (try? Gender.parse(function)) != nil {
                throw InputError(
                    "'\(function)' is a gender in the place of the function: a participant is '\(typedForm)'; leave the function empty ('\(parts[0]); ; \(function)')",
                    field: field.appending("function"))
            }
            if function.contains("@"), !function.contains(" ") {
                throw InputError(
                    "'\(function)' is an e-mail address in the place of the function: a participant is '\(typedForm)'; leave the function and gender empty ('\(parts[0]); ; ; \(function)')",
                    field: field.appending("function"))
            }
        }
        if let gender = part(2), gender.contains("@") {
            throw InputError(
                "'\(gender)' is an e-mail address in the place of the gender: a participant is '\(typedForm)'",
                field: field.appending("gender"))
        }
        return Submission.ParticipantEntry(
            role: role, name: parts[0], function: function, gender: part(2), email: part(3))
    }
}

extension Submission {
    /// A yes/no confirmation as a CSV cell gives it: `yes`, `true`, `1` or `no`, `false`, `0`, empty (no).
    package static func confirmation(_ raw: String?, field: FieldPath = .newOrganization) throws -> Bool {
        switch raw?.trimmed.lowercased() ?? "" {
        case "yes", "true", "1", "y": return true
        case "", "no", "false", "0", "n": return false
        default: throw InputError("'\(raw ?? "")' is not yes or no", field: field)
        }
    }
}
