/// Text made safe for the XML parts of a workbook.
///
/// XML 1.0 has no way to write most control characters (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) nor U+FFFE and
/// U+FFFF, even as character references: a file holding one is not XML, and Excel refuses to open it. Office Open XML
/// has its own escape for them in cell text, `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19, ST_Xstring), which Excel and
/// LibreOffice read back as the character; so a text that itself contains `_x` + four hex digits + `_` has its
/// underscore written as `_x005F_`, or a reader would turn it into a character.
enum XMLText {
    /// `text` for an element's content or an attribute's value (in double quotes): `&`, `<`, `>` and `"` as
    /// entities, a carriage return as a character reference, and the characters XML cannot hold as `_xHHHH_`.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: checked on the bytes, without building a copy.
        let clean = !text.utf8.contains { byte in
            byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x5F
                || byte == 0xEF
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // A reader turns a carriage return written as is into a line feed (XML's end-of-line handling).
            case "\r": out += "&#xD;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "_" where isEscapeSequence(scalars, at: index): out += "_x005F_"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "_x" + hex4(scalar.value) + "_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `_xHHHH_` starts at `index`: what a reader would decode as one character.
    static func isEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether text needs `xml:space="preserve"` to keep its spaces (leading or trailing white space, or a line
    /// break, which XML readers may otherwise fold).
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first == " " || first == "\t" || last == " " || last == "\t" || text.contains("\n")
    }
}
