/// A participant's place in a delegation: the head first, then alternates, then advisers.
package enum Role: String, CaseIterable, Comparable, Sendable, Codable {
    case head, alternate, adviser

    package static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// `field` is built only for an error (an import parses 100,000 roles).
    package static func parse(_ raw: String, field: @autoclosure () -> FieldPath? = nil) throws -> Role {
        // As stored ("head", "adviser"): no lowercasing through the Unicode case tables.
        if let role = Role(rawValue: raw) { return role }
        let key = raw.trimmed.lowercased()
        switch key {
        case "head", "head of delegation": return .head
        case "alternate", "alternate representative", "deputy": return .alternate
        case "adviser", "advisor": return .adviser
        default: throw InputError("'\(raw)' is not a role: one of head, alternate, adviser", field: field())
        }
    }
}

/// How a note reached the secretariat.
package enum Channel: String, CaseIterable, Sendable, Codable {
    case email, post, hand, fax

    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> Channel {
        let key = raw.trimmed.lowercased()
        if key == "e-mail" { return .email }
        if let channel = Channel(rawValue: key) { return channel }
        throw InputError("'\(raw)' is not a channel: one of email, post, hand, fax", field: field)
    }
}

/// A participant's gender, as the meetings report gender balance. Left out when the note does not say.
package enum Gender: String, CaseIterable, Sendable, Codable {
    case female, male, other

    /// Every word accepted for each gender, compared without case: the English words and letters a registration
    /// form uses, and the French and Spanish words of notes written in those languages. The one list: the error for
    /// another word, `msp register --help` and docs/commands.md ("Participants") give it from here.
    package static let words: [(gender: Gender, words: [String])] = [
        (.female, ["female", "f", "woman", "w", "femme", "mujer"]),
        (.male, ["male", "m", "man", "homme", "h", "hombre"]),
        (.other, ["other", "x", "non-binary", "nonbinary", "autre", "otro", "otra"]),
    ]

    /// Each accepted word, lowercased, and its gender.
    static let byWord: [String: Gender] = {
        var map: [String: Gender] = [:]
        for (gender, words) in words { for word in words { map[word] = gender } }
        return map
    }()

    /// "female (f, woman, w, femme, mujer), male (...), other (...)": the accepted words as help and errors say them.
    package static let acceptedWords = words.map { gender, words in
        "\(gender.rawValue) (\(words.dropFirst().joined(separator: ", ")))"
    }.joined(separator: ", ")

    /// `field` is built only for an error.
    package static func parse(_ raw: String, field: @autoclosure () -> FieldPath? = nil) throws -> Gender {
        if let gender = Gender(rawValue: raw) { return gender }
        if let gender = byWord[raw.trimmed.lowercased()] { return gender }
        throw InputError("'\(raw)' is not a gender: one of \(acceptedWords), or leave it out", field: field())
    }
}

/// What a note does to a delegation: the first registers it, later ones amend its composition, a withdrawal
/// takes it off the list of participants.
package enum NoteKind: String, CaseIterable, Sendable, Codable {
    case registration, amendment, withdrawal
}
