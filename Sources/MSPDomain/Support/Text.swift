extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, no-break spaces).
    /// Fast when there is nothing to trim, which is nearly always.
    public var trimmed: String {
        // Fast path: printable ASCII at both ends means nothing to trim.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if firstByte > 0x20, firstByte < 0x7F, lastByte > 0x20, lastByte < 0x7F { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    /// nil for an empty (or blank) string, else the trimmed string.
    public var trimmedOrNil: String? {
        let value = trimmed
        return value.isEmpty ? nil : value
    }
}

extension String {
    /// Whether the string holds a control character (C0, DEL or C1), checked on bytes.
    public var containsControlCharacter: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }
}
