import Foundation
import PropertyBased
import Testing

@testable import MSPDomain

/// Property-based tests of the parsers, with generators from PropertyBased driven by a fixed seed and a
/// bounded count: every run sees the same inputs, and a failure names the input that broke it.
@Suite struct ParserPropertyTests {
    /// The fixed seed every property here starts from.
    static let seed: (UInt64, UInt64, UInt64, UInt64) = (0x6D73_7037, 0x4765_6E65_7661, 0x2017_0904, 0x0018_0817)

    /// Runs `body` on `count` values of `generator`, from the fixed seed.
    static func check<Value>(_ count: Int, _ generator: Generator<Value, some Sequence>, _ body: (Value) throws -> Void)
        rethrows
    {
        var rng = Xoshiro(seed: seed)
        for _ in 0..<count { try body(generator.run(using: &rng)) }
    }

    static let zones = [
        "Europe/Zurich", "America/New_York", "Asia/Tokyo", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC",
        "Pacific/Chatham",
    ]

    /// Characters that stress the parsers: digits, the separators of ISO 8601, letters, spaces, accents,
    /// apostrophes, emoji and control characters.
    static let wildCharacter = Gen<Character?>.element(
        of: Array("0123456789-:+TZtz .,/0123456789abcXYZ éÉçÇ’'`´ \u{0}\u{7}\n\r\t\u{FEFF}\u{200B}😀🇨🇭ñ")
    )
    .map { $0! }
    static let wildString = wildCharacter.array(of: 0...30).map { String($0) }

    @Test func formattingAnInstantThenParsingItGivesItBack() throws {
        let generator = zip(
            Gen.int(in: -2_000_000_000...4_000_000_000), Gen<String?>.element(of: Self.zones),
            Gen.int(in: -14 * 4...14 * 4))
        try Self.check(400, generator) { (value: (Int, String?, Int)) in
            let (seconds, zoneName, quarterHours) = value
            let instant = Instant(secondsSinceEpoch: Int64(seconds))
            let zone = try VenueTimeZone(identifier: zoneName!)
            // In the venue's zone, and at an arbitrary fixed offset: both read back as the same instant.
            for text in [zone.format(instant), instant.iso8601(offsetSeconds: quarterHours * 900), instant.description]
            {
                #expect(try WhenParser.parse(text) == .instant(instant), "\(text)")
                #expect(try WhenParser.receipt(text, in: zone).instant == instant, "\(text)")
            }
            // A date alone reads back as that day.
            let date = zone.localDate(of: instant)
            #expect(try WhenParser.parse(date.description) == .date(date))
        }
    }

    @Test func randomStringsNeverCrashTheDateReaderAndRefusalsAreInputErrors() throws {
        let zone = try VenueTimeZone(identifier: "Europe/Zurich")
        // Random strings, and near-misses: a valid instant with one character replaced.
        let nearMiss = zip(Gen.int(in: 0...2_000_000_000), Gen.int(in: 0...24), Self.wildCharacter).map {
            (seconds: Int, position: Int, char: Character) -> String in
            var chars = Array(Instant(secondsSinceEpoch: Int64(seconds)).iso8601(offsetSeconds: 7200))
            chars[position % chars.count] = char
            return String(chars)
        }
        for generator in [Self.wildString.eraseToAny(), nearMiss.eraseToAny()] {
            try Self.check(1000, generator) { (text: String) in
                do {
                    _ = try WhenParser.receipt(text, in: zone, field: .receivedAt)
                    _ = try WhenParser.deadline(text, in: zone, field: .deadline)
                } catch let error as InputError {
                    #expect(!error.message.isEmpty)
                } catch {
                    Issue.record("'\(text)' raised \(error), not an InputError")
                }
            }
        }
    }

    @Test func nameKeysAreIdempotentAndIgnoreCaseAndDiacritics() throws {
        let letters = Gen<Character?>.element(of: Array("abcdefghijklmnopqrstuvwxyz éèêëáàâäãåóòôöõúùûüíìîïçñý’'.-–"))
            .map { $0! }
        try Self.check(500, letters.array(of: 0...40).map { String($0) }) { (name: String) in
            let key = NameKey.of(name)
            #expect(NameKey.of(key) == key, "'\(name)'")
            #expect(NameKey.of(name.uppercased()) == key, "'\(name)'")
            #expect(NameKey.of(name.lowercased()) == key, "'\(name)'")
            let plain = name.folding(options: .diacriticInsensitive, locale: nil)
            #expect(NameKey.of(plain) == key, "'\(name)' vs '\(plain)'")
            #expect(
                NameKey.of(name.precomposedStringWithCanonicalMapping)
                    == NameKey.of(name.decomposedStringWithCanonicalMapping))
        }
    }

    /// Random JSON values of every shape, with the keys of a submission turning up often.
    static func randomJSON(_ rng: inout Xoshiro, depth: Int) -> Any {
        let keys = [
            "meeting", "delegation", "category", "reference", "received_at", "channel", "participants",
            "role", "title", "name", "function", "gender", "email", "x", "",
        ]
        let pick = Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &rng)
        switch pick {
        case 0: return NSNull()
        case 1: return Bool.random(using: &rng)
        case 2: return Int.random(in: -1000...1000, using: &rng)
        case 3: return Double.random(in: -1e6...1e6, using: &rng)
        case 4:
            return ["Uganda", "head", "", "2017-08-18", "\u{0}", "😀", "H.E. Mr. John Doe"][
                Int.random(in: 0..<7, using: &rng)]
        case 5: return (0..<Int.random(in: 0...3, using: &rng)).map { _ in randomJSON(&rng, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                object[keys[Int.random(in: 0..<keys.count, using: &rng)]] = randomJSON(&rng, depth: depth + 1)
            }
            return object
        }
    }

    @Test func randomJSONEitherDecodesAsASubmissionOrIsAnInputError() throws {
        var rng = Xoshiro(seed: Self.seed)
        var decoded = 0
        for _ in 0..<1500 {
            let value = Self.randomJSON(&rng, depth: 0)
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data()
            // Also cut the text short at a random point: malformed JSON must be refused the same way.
            let cut = data.prefix(Int.random(in: 0...max(data.count, 1), using: &rng))
            for input in [data, Data(cut)] {
                // The strict reading that `msp register --file` and `msp import` use: one line, with its line number
                // where there is one.
                do {
                    _ = try SubmissionJSON.decodeScanned(input)
                    decoded += 1
                } catch let error as JSONInputError {
                    #expect(!error.description.isEmpty && !error.description.contains("\n"), "\(error.description)")
                    if let line = error.line { #expect(line >= 1) }
                } catch {
                    Issue.record("\(String(decoding: input, as: UTF8.self)) raised \(error), not a JSONInputError")
                }
            }
        }
        #expect(decoded > 0)
    }
}

/// The hand-written byte paths of the name and e-mail checks give what the rules on characters give, on text built
/// to break them: combining marks after a space, '@' or '.', a prepended mark before a space, letters whose
/// lowercase or decomposition is ASCII (the Kelvin sign, the dotted capital I).
@Suite struct BytePathPropertyTests {
    static let tricky = Gen<Character?>.element(
        of: Array("ab MmRrSsEe.@\t-'")
            + ["\u{301}", "\u{600}", "\u{200D}", "\u{212A}", "\u{130}", "é", "É", "ß", "\u{2BC}", "\u{1F1E8}"]
    )
    .map { $0! }
    static let trickyString = tricky.array(of: 0...12).map { String($0) }

    @Test func wordsAreThoseOfTheSplitOnCharacters() {
        ParserPropertyTests.check(3000, Self.trickyString) { text in
            // The same words at the same places, as byte offsets and lengths.
            func places(_ words: [Substring]) -> [[Int]] {
                words.map { [text.utf8.distance(from: text.utf8.startIndex, to: $0.startIndex), $0.utf8.count] }
            }
            #expect(
                places(Honorific.words(text)) == places(Honorific.wordsByCharacters(text)), "\(text.debugDescription)")
        }
    }

    /// `Honorific.words` splits on bytes around a character below U+0300: none joins a space next to it.
    @Test func noCharacterBelowU0300JoinsASpace() {
        for value in 0..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(scalar)
            #expect((character + " ").count == 2 && (" " + character).count == 2, "U+\(String(value, radix: 16))")
        }
    }

    /// A loose key, made on bytes, is the name key without its apostrophes, spaces and hyphens, on characters.
    @Test func aLooseKeyIsTheKeyWithoutApostrophesSpacesAndHyphens() {
        ParserPropertyTests.check(3000, Self.trickyString) { text in
            let expected = String(
                text.unicodeScalars.filter { $0 != "'" && $0 != " " && $0 != "-" }.map(Character.init))
            #expect(StateDirectory.looseKey(text) == expected, "\(text.debugDescription)")
        }
    }

    /// A name's key is the same when it is folded again (from the keys kept) and for every thread.
    @Test func aNamesKeyIsTheSameTheSecondTime() async {
        let names = ["Côte d\u{2019}Ivoire", "Türkiye", "São Tomé and Príncipe", "Médecins Sans Frontières"]
        let first = names.map(NameKey.of)
        #expect(first == names.map(NameKey.foldedKey))
        let again = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { names.map(NameKey.of) } }
            return await group.reduce(into: []) { $0.append(contentsOf: [$1]) }
        }
        #expect(again.allSatisfy { $0 == first })
    }

    /// A word's honorific, found from its packed bytes, is the one its lowercase finds in the table.
    @Test func aWordsHonorificIsTheOneItsLowercaseFinds() {
        ParserPropertyTests.check(3000, Self.trickyString) { text in
            #expect(
                Honorific.canonical(of: Substring(text), after: nil)
                    == Honorific.canonicalByCharacters(Substring(text)),
                "\(text.debugDescription)")
        }
        for (typed, form) in Honorific.canonical {
            for word in [typed, typed.uppercased(), typed.capitalized, "\u{212A}" + typed, typed + "\u{301}"] {
                #expect(
                    Honorific.canonical(of: Substring(word), after: nil)
                        == Honorific.canonicalByCharacters(Substring(word)),
                    "\(word.debugDescription)")
            }
            #expect(Honorific.canonical(of: Substring(typed.uppercased()), after: nil) == form)
            // The packed path leaves out words outside ASCII: sound while no spelling has a "k" (the Kelvin sign's
            // lowercase).
            #expect(!typed.contains("k"))
        }
    }

    @Test func anAddressIsCheckedAsTheRuleOnCharactersChecksIt() {
        var accepted = 0
        ParserPropertyTests.check(3000, Self.trickyString) { text in
            let byBytes = EmailAddress.isAddress(text)
            #expect(byBytes == EmailAddress.isAddressByCharacters(text), "\(text.debugDescription)")
            if byBytes { accepted += 1 }
        }
        #expect(accepted > 0)
    }
}
