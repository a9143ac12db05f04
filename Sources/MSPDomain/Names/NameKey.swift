import Foundation

/// The form in which names are compared: without case, diacritics, apostrophe style, dots or extra spaces.
/// "São Tomé and Príncipe", "SAO TOME AND PRINCIPE" and "Sao Tome  and Principe" share one key;
/// so do "Côte d’Ivoire" and "Cote d'Ivoire", and "D.R. Congo" and "DR Congo".
package enum NameKey {
    package static func of(_ name: String) -> String {
        if let ascii = asciiKey(name) { return ascii }
        if let known = folded.key(of: name) { return known }
        let key = foldedKey(name)
        folded.remember(key, of: name)
        return key
    }

    /// The keys of names outside ASCII already folded, shared by the threads of an import.
    ///
    /// Foundation's folding costs 18,000 instructions a name, and an import folds each organization's name four
    /// or five times (grouping its rows, resolving, recording it). At most 10,000 names are kept (about a
    /// megabyte), for the portal, which runs for weeks.
    private final class FoldedKeys: @unchecked Sendable {
        private let lock = NSLock()
        private var keys: [String: String] = [:]

        func key(of name: String) -> String? { lock.withLock { keys[name] } }

        func remember(_ key: String, of name: String) {
            lock.withLock { if keys.count < 10_000 { keys[name] = key } }
        }
    }
    private static let folded = FoldedKeys()

    /// The key of a name outside ASCII: Foundation folds case, diacritics and width, then apostrophes, dashes, dots
    /// and white space are made one form.
    static func foldedKey(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{0060}", "\u{00B4}", "\u{2032}":
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append("'")
            case ".":
                continue
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}":
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append("-")
            default:
                if scalar.isWhiteSpace {
                    pendingSpace = true
                } else {
                    if pendingSpace, !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// The same key computed on bytes, for the common case of a plain ASCII name (nil otherwise).
    static func asciiKey(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x2E:  // .
                continue
            case 0x60:  // ` is an apostrophe
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(0x27)
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = true
            default:
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key by which delegations are ordered in a list of participants: Côte d'Ivoire sorts as Cote d'Ivoire.
    package static func sortKey(_ name: String) -> String {
        of(name)
    }
}

/// Levenshtein distance over unicode scalars, for suggesting the nearest names.
package enum EditDistance {
    package static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The edit distance of two name keys when they are near (within a third of the shorter one's length, at least
    /// 2), else nil: how far a typed name may be from a name it is taken to mean.
    package static func nearDistance(_ key: String, _ other: String) -> Int? {
        let distance = between(key, other)
        return distance <= max(2, min(key.count, other.count) / 3) ? distance : nil
    }

    /// " (did you mean 'A', 'B'?)", or nothing when there is no near name: the tail of a not-found message.
    package static func didYouMean(_ names: [String]) -> String {
        names.isEmpty ? "" : " (did you mean \(names.map { "'\($0)'" }.joined(separator: ", "))?)"
    }

    /// Up to `limit` candidate names nearest to `query`, nearest first: names whose key contains the query's key
    /// (or the reverse) and names within a third of their length in edits.
    package static func nearest(to query: String, among candidates: [(key: String, name: String)], limit: Int = 3)
        -> [String]
    {
        let key = NameKey.of(query)
        guard !key.isEmpty else { return [] }
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for candidate in candidates {
            let distance: Int
            if candidate.key.hasPrefix(key) || (key.count >= 4 && candidate.key.contains(key)) {
                distance = 0
            } else {
                guard let d = nearDistance(key, candidate.key) else { continue }
                distance = d
            }
            scored.append((distance, candidate.name))
        }
        scored.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var result: [String] = []
        for (_, name) in scored where !seen.contains(name) {
            seen.insert(name)
            result.append(name)
            if result.count == limit { break }
        }
        return result
    }
}
