extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, no-break spaces).
    /// Fast when there is nothing to trim, which is nearly always.
    package var trimmed: String {
        // Fast path: printable ASCII at both ends means nothing to trim.
        guard let (firstByte, lastByte) = utf8Ends else { return self }
        if firstByte > 0x20, firstByte < 0x7F, lastByte > 0x20, lastByte < 0x7F { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.isWhiteSpace && !last.isWhiteSpace { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        return String(scalars[start...end])
    }

    /// The first and last bytes of the string's UTF-8, nil when it is empty; read from its own storage, where
    /// `utf8.last` walks the view's indices (450 instructions a field of an import).
    var utf8Ends: (first: UInt8, last: UInt8)? {
        utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty ? nil : (bytes[0], bytes[bytes.count - 1])
        } ?? utf8.first.map { ($0, utf8.last!) }
    }

    /// nil for an empty (or blank) string, else the trimmed string.
    package var trimmedOrNil: String? {
        let value = trimmed
        return value.isEmpty ? nil : value
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` (Unicode's White_Space), answered without the property tables for ASCII, where
    /// it is U+0009–U+000D and the space: the tables cost 310 instructions a character of a name's key.
    @inline(__always)
    var isWhiteSpace: Bool {
        guard isASCII else { return properties.isWhitespace }
        return value == 0x20 || (value >= 0x09 && value <= 0x0D)
    }
}

/// The one rule for text msp takes in, in every field of every input path (options, JSON, CSV, the portal's forms):
/// no control character and no explicit bidirectional control.
///
/// A control character (C0, DEL, C1: an escape sequence, a NUL, a line break) would clear a terminal, forge a line
/// of a list or be cut by a listing; an explicit bidirectional control (the embeddings and overrides U+202A–U+202E,
/// the isolates U+2066–U+2069) reorders how the text around it is shown. Right-to-left names (Arabic, Hebrew) need
/// none of them: the Unicode bidirectional algorithm orders their letters by itself. Every domain value that holds
/// text is built through `checkedText` (or `refusedCharacter` when the caller words its own error).
package enum TextRule {
    /// Whether the rule refuses this character.
    package static func refuses(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// What the refused character is, for an error: "a control character (U+001B)".
    package static func describe(_ scalar: Unicode.Scalar) -> String {
        let code =
            "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
            + String(scalar.value, radix: 16, uppercase: true)
        return (scalar.value >= 0x202A ? "a bidirectional control character" : "a control character") + " (\(code))"
    }
}

extension String {
    /// The first character `TextRule` refuses, or nil; found on bytes (imports check every field of every row).
    package var refusedCharacter: Unicode.Scalar? {
        // Fast path over the string's own bytes: no control byte and no lead byte of the C1 controls (C2) or of the
        // bidirectional controls (E2) means nothing to refuse. `for byte in utf8` cost 650 instructions a field.
        let suspect =
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
            } ?? true
        guard suspect else { return nil }
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var found = false
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F {
                found = true
            } else if previous == 0xC2, byte >= 0x80, byte <= 0x9F {
                found = true  // C1: U+0080–U+009F
            } else if beforePrevious == 0xE2, previous == 0x80, byte >= 0xAA, byte <= 0xAE {
                found = true  // U+202A–U+202E
            } else if beforePrevious == 0xE2, previous == 0x81, byte >= 0xA6, byte <= 0xA9 {
                found = true  // U+2066–U+2069
            }
            if found { return unicodeScalars.first(where: TextRule.refuses) }
            beforePrevious = previous
            previous = byte
        }
        return nil
    }

    /// Whether `TextRule` refuses a character of the string.
    package var containsControlCharacter: Bool { refusedCharacter != nil }

    /// The string itself, or an error at `field` naming the character `TextRule` refuses: "the venue contains a
    /// control character (U+001B)".
    ///
    /// `field` is built only for the error: an import checks every cell of every row, and building each cell's path
    /// was a tenth of its checking thread (bench/results.md, "Profile").
    @discardableResult
    package func checkedText(_ what: String, field: @autoclosure () -> FieldPath?) throws -> String {
        guard let scalar = refusedCharacter else { return self }
        throw InputError("the \(what) contains \(TextRule.describe(scalar))", field: field())
    }
}

extension Optional where Wrapped == String {
    /// The string (or nil) itself, or an error at `field` naming the character `TextRule` refuses.
    @discardableResult
    package func checkedText(_ what: String, field: @autoclosure () -> FieldPath?) throws -> String? {
        try map { try $0.checkedText(what, field: field()) }
    }
}
