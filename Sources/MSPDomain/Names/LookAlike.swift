import _FoundationICU

/// Names that look the same though written with other letters: "Red Сross" with a Cyrillic "С", "lCRC" for
/// "ICRC", "0xfam" for "Oxfam".
///
/// The key is Unicode's confusable skeleton (UTS #39, section 4), computed by ICU's spoof checker — the ICU that
/// Foundation carries on Linux (`_FoundationICU`, ICU 76 with Unicode 16's confusables.txt, statically linked with
/// the Swift runtime), so msp carries no table of its own. The skeleton is taken of the name, then of its name key
/// (case, diacritics, spacing and punctuation folded as `NameKey` folds them), so that "Red Сross" and
/// "RED CROSS" share one key as well.
package enum LookAlike {
    /// The spoof checker, opened once; ICU's checker is safe to use from several threads once configured.
    private final class Checker: @unchecked Sendable {
        let pointer: OpaquePointer?
        init() {
            var status = U_ZERO_ERROR
            let opened = swift_uspoof_open(&status)
            pointer = status.rawValue > U_ZERO_ERROR.rawValue ? nil : opened
        }
    }
    private static let checker = Checker()

    /// UTS #39's skeleton of `text`, or the text itself if ICU cannot compute it.
    ///
    /// Through ICU's UTF-8 entry point: the UTF-16 one needed the name copied to UTF-16 and the skeleton decoded
    /// back, and that decoding (the standard library's generic path) was most of the 240 M instructions the
    /// look-alike keys of a 20,000-row import took.
    package static func skeleton(_ text: String) -> String {
        guard let checker = checker.pointer, !text.isEmpty else { return text }
        var input = text
        return input.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { input in
                var capacity = input.count * 3 + 16
                while true {
                    var status = U_ZERO_ERROR
                    var out = [CChar](repeating: 0, count: capacity)
                    let length = swift_uspoof_getSkeletonUTF8(
                        checker, 0, input.baseAddress, Int32(input.count), &out, Int32(capacity), &status)
                    if status == U_BUFFER_OVERFLOW_ERROR, length >= capacity {
                        capacity = Int(length) + 1
                        continue
                    }
                    guard status.rawValue <= U_ZERO_ERROR.rawValue, length >= 0 else { return text }
                    return out.withUnsafeBytes { String(decoding: $0.prefix(Int(length)), as: UTF8.self) }
                }
            }
        }
    }

    /// The key two names share when they look alike.
    package static func key(_ name: String) -> String {
        skeleton(NameKey.of(skeleton(name)))
    }

    /// The characters of `name` that stand for other ones ("U+0421 CYRILLIC CAPITAL LETTER ES"): those outside
    /// ASCII whose skeleton is not themselves.
    package static func standIns(in name: String) -> [String] {
        var found: [String] = []
        for scalar in name.unicodeScalars
        where !scalar.isASCII && !found.contains(where: { $0.hasPrefix(code(scalar)) }) {
            if skeleton(String(scalar)) != String(scalar) {
                found.append("\(code(scalar))\(scalar.properties.name.map { " \($0)" } ?? "")")
            }
        }
        return found
    }

    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
