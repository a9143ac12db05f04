import CSV
import Foundation
import PropertyBased
import Testing

@testable import MSPCommands

/// Property-based tests of msp's writers (fixed seed, bounded count): any cell comes back from CSV.swift's reader
/// as written, except the apostrophe put before a cell a spreadsheet would run; any string comes back from JSON.
@Suite struct OutputPropertyTests {
    static let seed: (UInt64, UInt64, UInt64, UInt64) = (0x6373_7637, 0x726F_756E_64, 0x7472_6970, 0x2017)

    /// Characters that matter to CSV and JSON: separators, quotes, line breaks, formula starters, control
    /// characters, non-ASCII letters, emoji.
    static let character = Gen<Character?>.element(
        of: Array(",;\"'\r\n\t =+-@|!\\/abcXYZ019 éÖß中文\u{0}\u{1}\u{1B}\u{7F}\u{2028}\u{FEFF}😀🇨🇭\u{FF1D}")
    )
    .map { $0! }
    static let cell = character.array(of: 0...24).map { String($0) }
    static let row = cell.array(of: 1...6)

    @Test func everyCellRoundTripsThroughCSVExceptTheNeutralizingApostrophe() throws {
        var rng = Xoshiro(seed: Self.seed)
        for _ in 0..<300 {
            let rows = (0..<Int.random(in: 1...5, using: &rng)).map { _ in Self.row.run(using: &rng) }
            let width = rows.map(\.count).max() ?? 1
            let padded = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
            let header = (0..<width).map { "c\($0)" }
            let text = CSVOutput.render(header: header, rows: padded)
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            #expect(reader.headerRow == header)
            var read: [[String]] = []
            while let row = reader.next() { read.append(row) }
            // The writer ends with an empty line; the reader may give it as one empty row.
            if read.count == padded.count + 1, read.last == [""] { read.removeLast() }
            #expect(read.count == padded.count, "\(text.debugDescription)")
            for (written, back) in zip(padded, read) {
                #expect(back.count == written.count, "\(written) → \(back)")
                for (cell, got) in zip(written, back) {
                    #expect(got == CSVOutput.neutralize(cell), "\(cell.debugDescription) → \(got.debugDescription)")
                    if got != cell {
                        #expect(got == "'" + cell, "only an apostrophe may be added")
                        #expect(
                            "=+-@\t\r\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars.contains(
                                cell.unicodeScalars.first!))
                    }
                }
            }
        }
    }

    @Test func everyStringRoundTripsThroughJSONOutput() throws {
        var rng = Xoshiro(seed: Self.seed)
        for _ in 0..<300 {
            // Foundation's JSON reader on Linux drops a U+FEFF that starts a string or follows an escape (msp writes
            // it, as the bytes show): this property leaves it out and checks its bytes apart.
            let values = Self.row.run(using: &rng).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "\u{2060}") }
            let object = Cells(cells: values, first: values[0])
            for text in [try JSONOutput.render(object), try JSONOutput.renderLines([object, object])] {
                for line in (text.hasPrefix("{\n") ? [Substring(text)] : text.split(separator: "\n")) {
                    let back = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    #expect(back["cells"] as? [String] == values)
                    #expect(back["first"] as? String == values[0])
                }
            }
        }
    }

    struct Cells: Encodable {
        var cells: [String]
        var first: String
    }

    /// The writer reuses the sorted order of the last object's keys for the next object with the same keys (the rows
    /// of a list): objects with other keys, or the same keys in another order, get their own order.
    @Test func everyObjectOfAListHasItsKeysSorted() throws {
        var rng = Xoshiro(seed: Self.seed)
        let keys = Gen<Character?>.element(of: Array("abcxyz_")).map { $0! }.array(of: 1...3).map { String($0) }
        for _ in 0..<200 {
            let objects = keys.array(of: 0...4).array(of: 1...5).run(using: &rng).map { names in
                var seen = Set<String>()
                return OutputValue.object(names.filter { seen.insert($0).inserted }.map { .init($0, .string($0)) })
            }
            for pretty in [true, false] {
                let text = try pretty ? JSONOutput.render(.array(objects)) : JSONOutput.renderLines(objects)
                // Each object's keys, in the order written: "key" : or "key": at the start of a member.
                let written = text.split(separator: pretty ? "\n" : "}").map { part in
                    part.matches(of: /"([a-z_]+)" ?:/).map { String($0.output.1) }
                }
                let expected = objects.map { object -> [String] in
                    guard case .object(let fields) = object else { return [] }
                    return fields.map(\.key).sorted()
                }
                if pretty {
                    // One member per line: the keys, in order, across the whole array.
                    #expect(written.flatMap { $0 } == expected.flatMap { $0 })
                } else {
                    #expect(Array(written.prefix(expected.count)) == expected)
                }
            }
        }
    }

    @Test func aByteOrderMarkInsideAStringIsWrittenAsIs() throws {
        let text = try JSONOutput.render(["name": "\u{FEFF}Zoë"])
        #expect(Array(text.utf8).contains([0x22, 0xEF, 0xBB, 0xBF, 0x5A]))
    }
}
