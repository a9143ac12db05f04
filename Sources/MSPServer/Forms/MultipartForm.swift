import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `multipart/form-data` body (RFC 7578), as a browser posts a form with a file: its parts by field name.
///
/// Only what the portal's forms need: each part's name, whether it is a file, and its bytes. A file part's client
/// file name and declared type are read past and never kept: the portal checks an upload by its content. Malformed
/// bodies, too many parts and oversized part headers are refused (`MultipartForm.Malformed`).
struct MultipartForm {
    struct Part {
        var name: String
        var isFile: Bool
        var body: ArraySlice<UInt8>
    }

    struct Malformed: Error {}

    /// At most this many parts (the portal's largest form has a few hundred fields).
    static let maxParts = 1000
    /// At most this many bytes of headers in one part.
    static let maxHeaderBytes = 4096

    var parts: [Part]

    /// The text of the first non-file field `name`, as UTF-8 (nil when absent).
    func value(_ name: String) -> String? {
        parts.first { $0.name == name && !$0.isFile }.map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// The bytes of the first file field `name` (nil when absent; empty when no file was chosen).
    func file(_ name: String) -> ArraySlice<UInt8>? {
        parts.first { $0.name == name && $0.isFile }?.body
    }

    /// The boundary of a `multipart/form-data` content type, nil for any other type.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { String(trimmed($0)) }
        guard let type = pieces.first, type.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, trimmed(pair[0]).lowercased() == "boundary" else {
                continue
            }
            var value = String(trimmed(pair[1]))
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    /// Reads `bytes` as a multipart body with `boundary`.
    init(bytes: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        let crlfDelimiter = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        // The first delimiter starts the body (a preamble before it is allowed and ignored).
        guard var cursor = Self.find(delimiter, in: bytes, from: 0) else { throw Malformed() }
        cursor += delimiter.count
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            guard cursor + 2 <= bytes.count else { throw Malformed() }
            if bytes[cursor] == UInt8(ascii: "-") && bytes[cursor + 1] == UInt8(ascii: "-") { break }
            guard bytes[cursor] == 13 && bytes[cursor + 1] == 10 else { throw Malformed() }
            cursor += 2
            guard parts.count < Self.maxParts,
                let headersEnd = Self.find(headerEnd, in: bytes, from: cursor, limit: Self.maxHeaderBytes)
            else { throw Malformed() }
            let headers = String(decoding: bytes[cursor..<headersEnd], as: UTF8.self)
            let bodyStart = headersEnd + headerEnd.count
            guard let bodyEnd = Self.find(crlfDelimiter, in: bytes, from: bodyStart) else { throw Malformed() }
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else {
                throw Malformed()
            }
            parts.append(Part(name: name, isFile: disposition["filename"] != nil, body: bytes[bodyStart..<bodyEnd]))
            cursor = bodyEnd + crlfDelimiter.count
        }
        self.parts = parts
    }

    /// The parameters of a part's `Content-Disposition: form-data; name="..."; filename="..."`.
    static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, trimmed(pair[0]).lowercased() == "content-disposition" else { continue }
            return parameters(String(pair[1]))
        }
        return nil
    }

    /// `form-data; name="a"; filename="b; c.pdf"` as `[name: a, filename: b; c.pdf]` (quoted values may hold `;`,
    /// and `\"`).
    static func parameters(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        var characters = Substring(text)
        // The disposition type.
        guard let semicolon = characters.firstIndex(of: ";"),
            trimmed(characters[..<semicolon]).lowercased() == "form-data"
        else { return nil }
        characters = characters[characters.index(after: semicolon)...]
        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = characters.firstIndex(of: "=") else { break }
            let key = trimmed(characters[..<equals]).lowercased()
            characters = characters[characters.index(after: equals)...]
            var value = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var escaped = false
                var closed = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { return nil }
            } else {
                let end = characters.firstIndex(of: ";") ?? characters.endIndex
                value = String(trimmed(characters[..<end]))
                characters = characters[end...]
            }
            result[key] = value
        }
        return result
    }

    /// `text` without the spaces and tabs around it. Written here rather than Foundation's `trimmingCharacters(in:)`,
    /// which bridges through NSString: with it, reading a submission's twenty parts' headers cost 360 µs of CPU, ten
    /// times the search of its 200 KB for the boundaries (bench/multipart, bench/results.md).
    static func trimmed<Text: StringProtocol>(_ text: Text) -> Text.SubSequence {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    /// The index of the first occurrence of `needle` in `bytes` at or after `start` (starting within `limit` bytes
    /// of it, when given). The C library's `memchr` finds each candidate first byte and `memcmp` checks the rest: a
    /// PDF's 200 KB are searched for the boundary in bulk rather than byte by byte in Swift (the deadline-rush profile
    /// had that loop at about 6% of the server's time).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        guard !needle.isEmpty, start >= 0, start <= bytes.count else { return nil }
        let lastStart = bytes.count - needle.count
        let bound = min(lastStart, limit.map { start + $0 } ?? lastStart)
        guard start <= bound else { return nil }
        return bytes.withUnsafeBytes { buffer in
            needle.withUnsafeBytes { pattern in
                guard let base = buffer.baseAddress, let first = pattern.first, let rest = pattern.baseAddress
                else { return nil }
                var index = start
                // A match must start at or before `bound`.
                while index <= bound {
                    guard let hit = memchr(base + index, Int32(first), bound - index + 1) else { return nil }
                    index = UnsafeRawPointer(hit) - base
                    if memcmp(base + index + 1, rest + 1, pattern.count - 1) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
    }
}
