import Foundation

/// An e-mail address with an optional display name: `Focal point of Côte d'Ivoire <focal@ci.example>`.
package struct MailAddress: Hashable, Sendable {
    package var name: String?
    /// The address itself (ASCII: msp does not send SMTPUTF8).
    package var address: String

    package init(name: String? = nil, address: String) {
        self.name = name?.trimmedOrNil
        self.address = address
    }

    /// Reads `ADDRESS` or `Display Name <ADDRESS>` (as `--mail-from` takes it); nil when no address is there.
    package static func parse(_ text: String) -> MailAddress? {
        // The text rule (`TextRule`): a line break in a display name would write a header of its own.
        guard text.refusedCharacter == nil else { return nil }
        let text = text.trimmed
        var name: String?
        var address = text
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            address = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmed
            var display = String(text[..<open]).trimmed
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast())
            }
            name = display.trimmedOrNil
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            address.unicodeScalars.allSatisfy(\.isPrintableASCII),
            !address.contains(" "), !address.contains("<"), !address.contains(">")
        else { return nil }
        return MailAddress(name: name, address: address)
    }

    /// The domain after the '@'.
    package var domain: String { String(address.split(separator: "@").last ?? "localhost") }
}

/// An e-mail as msp sends it: one plain-text part in UTF-8.
///
/// Written by hand: no package that writes RFC 5322 messages is among those this project can build with offline (the
/// machine's list of Swift packages has SMTP and MIME in none), and what msp needs is small: a few headers, RFC 2047
/// encoded words for UTF-8 names and subjects, a quoted-printable body, CRLF line ends, lines of at most 78 characters.
package struct MailMessage: Hashable, Sendable {
    package var from: MailAddress
    package var to: MailAddress
    package var subject: String
    /// The text, lines ended by "\n" (CRLF is added when rendered).
    package var body: String
    package var date: Instant
    /// `<left@right>`, angle brackets included.
    package var messageID: String

    package init(from: MailAddress, to: MailAddress, subject: String, body: String, date: Instant, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message as RFC 5322 text: headers, an empty line, the body in quoted-printable; every line ends in CRLF
    /// and none is longer than 78 characters.
    package var rendered: String {
        var lines: [String] = []
        lines += MailHeader.address("From", from)
        lines += MailHeader.address("To", to)
        lines += MailHeader.unstructured("Subject", subject)
        lines.append("Date: \(MailHeader.date(date))")
        lines.append("Message-ID: \(messageID)")
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("")
        lines += QuotedPrintable.encode(body)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// Header fields: RFC 5322 syntax, RFC 2047 encoded words for anything not plain ASCII, folded at 78 characters.
package enum MailHeader {
    /// The longest line msp writes, CRLF not counted (RFC 5322's "SHOULD" limit).
    package static let lineLimit = 78

    /// `Name: value`, folded; a value with non-ASCII characters (or too long a word to fold) as encoded words.
    package static func unstructured(_ name: String, _ value: String) -> [String] {
        let value = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let words = value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let plain =
            value.unicodeScalars.allSatisfy(\.isPrintableASCII) && !value.contains("=?")
            && words.allSatisfy { $0.count + name.count + 2 <= lineLimit }
        if plain { return fold(name + ":", words) }
        return fold(name + ":", encodedWords(value, first: name.count + 2))
    }

    /// `Name: display name <address>`: the name quoted when it has specials, encoded when it is not ASCII.
    package static func address(_ name: String, _ address: MailAddress) -> [String] {
        guard let display = address.name else { return ["\(name): \(address.address)"] }
        var parts: [String]
        if display.unicodeScalars.allSatisfy(\.isPrintableASCII) && !display.contains("=?") {
            let atext = display.unicodeScalars.allSatisfy { scalar in
                scalar == " " || scalar.properties.isAlphabetic && scalar.isASCII
                    || ("0"..."9").contains(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
            }
            let quoted =
                atext
                ? display
                : "\""
                    + display.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            parts = quoted.count + name.count + 2 <= lineLimit ? [quoted] : encodedWords(display, first: name.count + 2)
        } else {
            parts = encodedWords(display, first: name.count + 2)
        }
        parts.append("<\(address.address)>")
        return fold(name + ":", parts)
    }

    /// Words joined by spaces, a new line (starting with a space) where the next would pass the limit.
    static func fold(_ start: String, _ words: [String]) -> [String] {
        var lines: [String] = []
        var line = start
        for word in words {
            if line.count + 1 + word.count > lineLimit && line != start {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }

    /// `text` as RFC 2047 encoded words (`=?utf-8?B?...?=`), each at most 75 characters and none splitting a
    /// character's bytes; the first sized to fit after `first` characters of its line.
    static func encodedWords(_ text: String, first: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        // "=?utf-8?B?" + "?=" is 12 characters; base64 of n bytes is 4 * ceil(n / 3).
        func fits(_ count: Int) -> Bool { 12 + 4 * ((count + 2) / 3) <= 75 - (words.isEmpty ? max(0, first - 1) : 0) }
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && !fits(chunk.count + bytes.count) {
                words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// RFC 5322's date: `Fri, 18 Aug 2017 21:59:59 +0000` (in UTC).
    package static func date(_ instant: Instant) -> String {
        let seconds = instant.secondsSinceEpoch
        let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        let second = Int(seconds - Int64(days) * 86400)
        let day = LocalDate(daysSinceEpoch: days)
        // 1 January 1970 was a Thursday.
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1]
        return "\(weekday), \(day.day) \(month) \(day.year) \(twoDigits(second / 3600)):\(twoDigits(second / 60 % 60)):"
            + "\(twoDigits(second % 60)) +0000"
    }
}

/// Quoted-printable (RFC 2045 §6.7): printable ASCII as it is, everything else as `=XX`, lines cut with soft breaks
/// at 76 characters; the text's own line ends become CRLF.
package enum QuotedPrintable {
    package static func encode(_ text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [String] = []
        for textLine in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(textLine.utf8)
            var line = ""
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let token: String
                if (byte == 0x20 || byte == 0x09) && last {
                    // Whitespace at the end of a line is encoded: transports may strip it.
                    token = String(format: "=%02X", byte)
                } else if (byte >= 33 && byte <= 126 && byte != 0x3D) || byte == 0x20 || byte == 0x09 {
                    token = String(UnicodeScalar(byte))
                } else {
                    token = String(format: "=%02X", byte)
                }
                // 76 characters at most, the soft break's "=" included.
                if line.count + token.count > (last ? 76 : 75) {
                    lines.append(line + "=")
                    line = ""
                }
                line += token
            }
            lines.append(line)
        }
        // A trailing "\n" in the text gives an empty last element: the CRLF after the last line already ends it.
        if lines.count > 1 && lines.last == "" { lines.removeLast() }
        return lines
    }
}

extension Unicode.Scalar {
    var isPrintableASCII: Bool { value >= 0x20 && value < 0x7F }
}
