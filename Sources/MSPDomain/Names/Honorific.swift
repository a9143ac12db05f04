/// Splits a participant's name as a note writes it into the honorific and the name:
/// "H.E. Mr. John Doe" is title "H.E. Mr." and name "John Doe".
public enum Honorific {
    /// The honorifics recognised, compared without case; combinations ("H.E. Ms.", "Prof. Dr.") are runs of them.
    static let known: Set<String> = ["h.e.", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "dr.", "dr", "prof.", "prof",
                                     "miss", "mx.", "mx", "amb.", "sir", "dame", "s.e.", "mme", "mme.", "rev.",
                                     "msgr.", "h.r.h.", "h.h."]

    public static func split(_ raw: String) -> (title: String?, name: String) {
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var index = 0
        // Keep at least one word as the name: "Dr." alone is a name, not a title without a name.
        while index < words.count - 1, known.contains(words[index].lowercased()) {
            index += 1
        }
        let title = words[..<index].joined(separator: " ")
        return (title.isEmpty ? nil : title, words[index...].joined(separator: " "))
    }

    /// Whether `raw` is honorifics and nothing else ("H.E. Mr.", "Dr."): a title without a name.
    public static func isOnlyHonorifics(_ raw: String) -> Bool {
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return !words.isEmpty && words.allSatisfy { known.contains($0.lowercased()) }
    }
}
