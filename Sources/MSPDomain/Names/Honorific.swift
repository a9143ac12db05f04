/// Splits a participant's name as a note writes it into the honorific and the name, and writes the honorific as
/// United Nations lists of participants write it, whatever the case typed: "H.E. Mr. John Doe" is title "H.E. Mr."
/// and name "John Doe"; "h.e. ms kim" is "H.E. Ms." and "Kim".
///
/// Sources for the forms. The UN Manual of Protocol (ST/SG/4/Rev.9/1, 23 April 2021, chapter XIX "The Blue Book",
/// https://www.un.int/protocol/pm/menus-18-23) says that the names, forms of address and titles of diplomats are
/// written "according to the wishes of the mission concerned and in conformity with the established norms of the
/// United Nations"; the UN Office at Geneva's Blue Book ("Missions permanentes auprès des Nations Unies à Genève",
/// https://unog.ch/bluebook, French only) and the lists of participants of Geneva meetings (CCM/MSP/2017/INF.1 and
/// its kind) use those norms: "H.E. Mr." / "H.E. Ms." for ambassadors and ministers, "Mr.", "Ms.", "Mrs.", "Dr.",
/// "Prof." in English; "S.E. M.", "S.E. Mme", "M.", "Mme", "Mlle" in French (no full point after "Mme" and
/// "Mlle", which end with the word's last letter); "S.E. Sr.", "S.E. Sra.", "Sr.", "Sra.", "Srta.", "Dra." in
/// Spanish; religious titles as the Holy See's delegations give them ("Archbishop", "Msgr.", "Mgr", "Rev.",
/// "Fr."). No single published table lists them all: this one gathers the forms those documents use, and is the
/// one place to add another. A mission's wish wins: a note that gives a title in its own field keeps it as given
/// unless it is made only of these honorifics.
package enum Honorific {
    /// Each honorific as UN lists write it, with the spellings people type for it (compared without case).
    static let forms: [(canonical: String, typed: [String])] = [
        ("H.E.", ["h.e.", "h.e"]), ("S.E.", ["s.e.", "s.e"]), ("H.R.H.", ["h.r.h.", "h.r.h"]), ("H.H.", ["h.h."]),
        ("Mr.", ["mr.", "mr"]), ("Ms.", ["ms.", "ms"]), ("Mrs.", ["mrs.", "mrs"]), ("Miss", ["miss"]),
        ("Mx.", ["mx.", "mx"]), ("Dr.", ["dr.", "dr"]), ("Prof.", ["prof.", "prof"]), ("Amb.", ["amb.", "amb"]),
        ("Hon.", ["hon.", "hon"]), ("Rt.", ["rt."]), ("Sir", ["sir"]), ("Dame", ["dame"]),
        ("M.", ["m."]), ("Mme", ["mme", "mme."]), ("Mlle", ["mlle", "mlle."]),
        ("Sr.", ["sr.", "sr"]), ("Sra.", ["sra.", "sra"]), ("Srta.", ["srta.", "srta"]), ("Dra.", ["dra.", "dra"]),
        ("Excmo.", ["excmo.", "excmo"]), ("Excma.", ["excma.", "excma"]),
        ("Archbishop", ["archbishop", "abp."]), ("Bishop", ["bishop"]), ("Cardinal", ["cardinal"]),
        ("Msgr.", ["msgr.", "msgr", "mons."]), ("Mgr", ["mgr", "mgr."]), ("Rev.", ["rev.", "rev"]), ("Fr.", ["fr."]),
        // Military ranks, as delegations of defence ministries give them and UN lists print them ("Lt. Col.",
        // "Brig. Gen."); the short forms that are also given names or words ("Col", "Gen", "Maj") only with their
        // full point.
        ("Gen.", ["gen."]), ("Lt.", ["lt.", "lt"]), ("Col.", ["col."]), ("Maj.", ["maj."]), ("Brig.", ["brig."]),
        ("Capt.", ["capt.", "capt"]), ("Cdr.", ["cdr.", "cdr"]), ("Cmdr.", ["cmdr.", "cmdr"]), ("Adm.", ["adm."]),
        ("Cdre.", ["cdre.", "cdre"]), ("Sgt.", ["sgt.", "sgt"]),
    ]

    /// The canonical form of each typed spelling, lowercased.
    static let canonical: [String: String] = {
        var map: [String: String] = [:]
        for form in forms {
            for typed in form.typed { map[typed] = form.canonical }
        }
        return map
    }()

    /// The longest spelling, in bytes: a longer word is never an honorific.
    static let longest = canonical.keys.map(\.utf8.count).max() ?? 0

    /// `canonical` keyed by each spelling's bytes packed into an integer (`packed`).
    static let canonicalByPacked: [UInt128: String] = {
        var map: [UInt128: String] = [:]
        for (typed, form) in canonical { map[packed(Substring(typed))!] = form }
        return map
    }()

    /// "M." is the French "Monsieur" only first or after "H.E."/"S.E." ("M. Jean Dupont", "S.E. M. Jean Dupont");
    /// after another honorific it is an initial ("Mr. M. Kamau").
    static func canonical(of word: Substring, after previous: String?) -> String? {
        guard let key = packed(word), let form = canonicalByPacked[key] else { return nil }
        if form == "M.", let previous, previous != "H.E.", previous != "S.E." { return nil }
        return form
    }

    /// `canonical[word.lowercased()]`, which `BytePathPropertyTests` compares with `canonical(of:after:)`.
    static func canonicalByCharacters(_ word: Substring) -> String? { canonical[word.lowercased()] }

    /// A word's bytes lowercased (A–Z to a–z) and packed into an integer after a leading 1, or nil for a word of
    /// more than 15 bytes or with a byte outside ASCII: no spelling of an honorific is either.
    ///
    /// Hand-written: `canonical[word.lowercased()]` went through the Unicode case tables, a new String and its hash
    /// for each word a name begins with, 2,600 instructions a name of an import (bench/results.md, "Profile"). A
    /// word outside ASCII cannot lowercase into a spelling of the table: the only letter outside ASCII whose
    /// lowercase is ASCII is the Kelvin sign (to "k"), and no spelling has a "k".
    static func packed(_ word: Substring) -> UInt128? {
        var value: UInt128 = 1
        var count = 0
        for byte in word.utf8 {
            guard byte < 0x80, count < 15 else { return nil }
            value = value << 8 | UInt128(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            count += 1
        }
        return value
    }

    /// The words of `text` between spaces and tabs: `text.split(whereSeparator: { $0 == " " || $0 == "\t" })`.
    ///
    /// Hand-written on bytes when every space has a character below U+0300 (ASCII, Latin-1, Latin Extended: no
    /// combining or prepended mark among them: `BytePathPropertyTests` checks each) or an end of the text on both sides, so
    /// that each space is a character of its own, as a tab always is (a combining mark after a space, or a
    /// prepended mark before it, would join them): `split` on characters cost an import 2,000 to 7,000
    /// instructions a name. Other text is split on characters.
    static func words(_ text: String) -> [Substring] {
        let bytes = text.utf8
        var words: [Substring] = []
        var start: String.Index? = nil
        // The first byte of the character before (0 at the start), and whether it was a space.
        var lead: UInt8 = 0
        var afterSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                if byte == 0x20, lead >= 0xCC { return wordsByCharacters(text) }
                if let wordStart = start { words.append(text[wordStart..<index]) }
                start = nil
            } else {
                if afterSpace, byte >= 0xCC { return wordsByCharacters(text) }
                if start == nil { start = index }
            }
            if byte & 0xC0 != 0x80 {
                lead = byte
                afterSpace = byte == 0x20
            }
            index = bytes.index(after: index)
        }
        if let wordStart = start { words.append(text[wordStart...]) }
        return words
    }

    /// The words of `text` between spaces and tabs, split on characters.
    static func wordsByCharacters(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    package static func split(_ raw: String) -> (title: String?, name: String) {
        // Walk the leading words on bytes; most names have no honorific, or one, and need no further work.
        let bytes = raw.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var index = bytes.startIndex
        while index < bytes.endIndex, isSpace(bytes[index]) { index = bytes.index(after: index) }
        var titles: [String] = []
        var nameStart = index
        while true {
            var end = index
            while end < bytes.endIndex, !isSpace(bytes[end]) { end = bytes.index(after: end) }
            // The last word always stays the name: "Dr." alone is a name, not a title without a name.
            guard end < bytes.endIndex, let form = canonical(of: raw[index..<end], after: titles.last) else { break }
            titles.append(form)
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
        return (titles.isEmpty ? nil : titles.joined(separator: " "), capitalizedIfAllLowercase(name))
    }

    /// A title given in its own field ("h.e. ms"): written as UN lists write it when it is made only of honorifics,
    /// else kept as given (a mission's own form, "Ambassador", "Lt. Gen.").
    package static func normalizedTitle(_ raw: String) -> String {
        var titles: [String] = []
        let typed = words(raw)
        for word in typed {
            guard let form = canonical(of: word, after: titles.last) else { return typed.joined(separator: " ") }
            titles.append(form)
        }
        return titles.joined(separator: " ")
    }

    /// A name typed wholly in lower case ("kim", "maria de la cruz") gets a capital at the start of each word and
    /// after a hyphen or apostrophe; a name with any capital is kept exactly as the note writes it ("van der Berg",
    /// "McDonald").
    static func capitalizedIfAllLowercase(_ name: String) -> String {
        // Fast path on bytes: an ASCII capital anywhere means the name is kept.
        if name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return name }
        guard name.contains(where: { $0.isLowercase }), !name.contains(where: { $0.isUppercase }) else { return name }
        var out = ""
        var startOfWord = true
        for character in name {
            out += startOfWord ? character.uppercased() : String(character)
            startOfWord = character == " " || character == "-" || character == "'" || character == "\u{2019}"
        }
        return out
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
    package static func isOnlyHonorifics(_ raw: String) -> Bool {
        // Fast path: a last word longer than any honorific (most names) settles it.
        if let lastSpace = raw.utf8.lastIndex(where: { $0 == 0x20 || $0 == 0x09 }),
            raw.utf8.distance(from: lastSpace, to: raw.utf8.endIndex) > longest + 1
        {
            return false
        }
        // Fast path: a first word (up to the first space byte) that is no honorific settles it, as it does for
        // most names with a short surname. Sound when words are split on characters too: a honorific holds no
        // space, and a first word on characters is this one or one holding a space.
        let bytes = raw.utf8
        var end = bytes.startIndex
        while end < bytes.endIndex, bytes[end] != 0x20, bytes[end] != 0x09 { end = bytes.index(after: end) }
        if end > bytes.startIndex, canonical(of: raw[bytes.startIndex..<end], after: nil) == nil { return false }
        var titles: [String] = []
        for word in words(raw) {
            guard let form = canonical(of: word, after: titles.last) else { return false }
            titles.append(form)
        }
        return !titles.isEmpty
    }
}
