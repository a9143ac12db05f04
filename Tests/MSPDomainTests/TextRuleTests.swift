import Foundation
import Testing

@testable import MSPDomain

/// The one rule for text (`TextRule`): control characters and explicit bidirectional controls are refused, found the
/// same on bytes as on characters; right-to-left names, which need none of them, pass.
@Suite struct TextRuleTests {
    /// Unicode's own sets: the control characters (general category Cc: C0, DEL, C1) and the explicit bidirectional
    /// controls (bidi classes LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
    static func unicodeRefuses(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .control { return true }
        let explicit = [
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        ]
        return explicit.contains(String(scalar))
    }

    /// The ASCII shortcut of white space is Unicode's White_Space property, for every scalar.
    @Test func whiteSpaceIsUnicodesWhiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func theRuleIsUnicodesControlsAndExplicitBidirectionalControlsFoundTheSameOnBytes() {
        // Every scalar of the first planes' blocks that matter (Latin, Arabic, Hebrew, punctuation) and beyond.
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Self.unicodeRefuses(scalar)
            #expect(TextRule.refuses(scalar) == expected, "U+\(String(value, radix: 16))")
            // Inside a name, at its start and at its end: the byte scan finds the same character.
            for text in ["Red \(scalar) Cross", "\(scalar)Cross", "Cross\(scalar)"] {
                #expect(text.refusedCharacter == (expected ? scalar : nil), "U+\(String(value, radix: 16)) in \(text)")
            }
        }
    }

    @Test(arguments: [
        "الهلال الأحمر الفلسطيني",
        "السيد أحمد بن علي",
        "מר דוד כהן",
        "Ms. Nadia \u{200F}العلي",  // a right-to-left mark is an implicit mark, not an explicit control
        "São Tomé and Príncipe",
        "Кыргызстан",
        "H.E. Mr. 王毅",
    ])
    func rightToLeftAndOtherScriptsPass(name: String) throws {
        #expect(name.refusedCharacter == nil)
        #expect(try name.checkedText("name", field: .delegation) == name)
    }

    @Test func theErrorNamesTheFieldAndTheCharacter() {
        let control = #expect(throws: InputError.self) { try "Ninth\nMeeting".checkedText("title", field: .title) }
        #expect(control?.description == "title: the title contains a control character (U+000A)")
        let bidi = #expect(throws: InputError.self) { try "Palais \u{202E}XIX".checkedText("venue", field: .venue) }
        #expect(bidi?.description == "venue: the venue contains a bidirectional control character (U+202E)")
    }

    @Test func aMeetingsTextFieldsFollowTheRule() throws {
        let zone = Fixtures.zurich
        let opens = try #require(LocalDate(iso: "2019-11-25"))
        func meeting(code: String = "9MSP", title: String = "Ninth", convention: String = "CCM", venue: String? = nil)
            throws -> Meeting
        {
            try Meeting(
                code: code, title: title, convention: convention, venue: venue, opens: opens, closes: opens,
                timeZone: zone, deadline: WhenParser.deadline("2019-11-01", in: zone))
        }
        for (field, build) in [
            (FieldPath.code, { try meeting(code: "9MSP\u{1B}") }),
            (.title, { try meeting(title: "Ninth\u{85}") }),
            (.convention, { try meeting(convention: "C\u{2068}CM") }),
            (.venue, { try meeting(venue: "Palais\u{7F}") }),
        ] as [(FieldPath, () throws -> Meeting)] {
            let error = #expect(throws: InputError.self) { try build() }
            #expect(error?.field == field)
        }
        #expect(try meeting(venue: "قصر الأمم، جنيف").venue == "قصر الأمم، جنيف")
    }
}
