/// Splits a participant's name as a note writes it into the honorific and the name:
/// "H.E. Mr. John Doe" is title "H.E. Mr." and name "John Doe".
public enum Honorific {
    /// The honorifics recognised, compared without case; combinations ("H.E. Ms.", "Prof. Dr.") are runs of them.
    static let known: Set<String> = [
        "h.e.", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "dr.", "dr", "prof.", "prof",
        "miss", "mx.", "mx", "amb.", "sir", "dame", "s.e.", "mme", "mme.", "rev.",
        "msgr.", "h.r.h.", "h.h.",
    ]

    public static func split(_ raw: String) -> (title: String?, name: String) {
        // Walk the leading words on bytes; most names have no honorific, or one, and need no further work.
        let bytes = raw.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var index = bytes.startIndex
        while index < bytes.endIndex, isSpace(bytes[index]) { index = bytes.index(after: index) }
        let nameStart0 = index
        var titleEnd = index
        var nameStart = index
        while true {
            var end = index
            while end < bytes.endIndex, !isSpace(bytes[end]) { end = bytes.index(after: end) }
            // The last word always stays the name: "Dr." alone is a name, not a title without a name.
            guard end < bytes.endIndex, bytes.distance(from: index, to: end) <= 6,
                known.contains(String(raw[index..<end]).lowercased())
            else { break }
            titleEnd = end
            var next = end
            while next < bytes.endIndex, isSpace(bytes[next]) { next = bytes.index(after: next) }
            guard next < bytes.endIndex else { break }
            index = next
            nameStart = next
        }
        var name = String(raw[nameStart...]).trimmed
        if hasTabOrDoubleSpace(name) {
            name = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        guard titleEnd > nameStart0 else { return (nil, name) }
        let title = raw[nameStart0..<titleEnd].split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return (title, name)
    }

    /// Whether white space inside a name needs folding to single spaces (checked on bytes).
    static func hasTabOrDoubleSpace(_ text: String) -> Bool {
        var previousWasSpace = false
        for byte in text.utf8 {
            if byte == 0x09 || (byte == 0x20 && previousWasSpace) { return true }
            previousWasSpace = byte == 0x20
        }
        return false
    }

    /// Whether `raw` is honorifics and nothing else ("H.E. Mr.", "Dr."): a title without a name.
    public static func isOnlyHonorifics(_ raw: String) -> Bool {
        // Fast path: a last word longer than any honorific (most names) settles it.
        if let lastSpace = raw.utf8.lastIndex(where: { $0 == 0x20 || $0 == 0x09 }),
            raw.utf8.distance(from: lastSpace, to: raw.utf8.endIndex) > 7
        {
            return false
        }
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return !words.isEmpty && words.allSatisfy { known.contains($0.lowercased()) }
    }
}
