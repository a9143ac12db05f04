import Foundation

/// A note's reference compared loosely, as the same reference typed twice may differ: "GV.OR.18/0412" and
/// "gv or 18/412" are one reference. Case, diacritics, spaces and punctuation are left out, and each run of digits is
/// read as its number (leading zeros dropped) and kept apart from the next one, so that "18/412" and "184/12" stay two
/// references.
package enum NoteReference {
    /// The loose key: letters folded to lower case without diacritics, each run of digits as "#" and its number.
    /// "GV.OR.18/0412" is "gvor#18#412"; "Note 45/2017" is "note#45#2017".
    package static func looseKey(_ reference: String) -> String {
        var key = ""
        var digits = ""
        func endDigits() {
            guard !digits.isEmpty else { return }
            let number = digits.drop { $0 == "0" }
            key += "#" + (number.isEmpty ? "0" : String(number))
            digits = ""
        }
        for character in reference.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) {
            if let digit = character.wholeNumberValue, digit < 10, character.isNumber {
                digits.append(String(digit))
            } else {
                endDigits()
                if character.isLetter { key.append(character) }
            }
        }
        endDigits()
        return key
    }

    /// Whether two references differ only in how they are typed (and are not the same text).
    package static func areLooselyEqual(_ a: String, _ b: String) -> Bool {
        a != b && looseKey(a) == looseKey(b)
    }
}
