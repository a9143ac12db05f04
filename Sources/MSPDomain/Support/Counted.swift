/// A count with its noun, as every report writes one: "1 note", "4 notes", "1 woman", "3 women".
package enum Counted {
    /// The nouns whose plural is not the singular with "s".
    static let irregular: [String: String] = ["woman": "women", "man": "men", "person": "people"]

    /// "1 woman", "2 women": the singular for exactly one, else the plural (the noun with "s", or `plural`).
    package static func phrase(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(noun(number, singular, plural: plural))"
    }

    /// The noun alone, singular or plural for `number`.
    package static func noun(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        number == 1 ? singular : plural ?? irregular[singular] ?? singular + "s"
    }
}
