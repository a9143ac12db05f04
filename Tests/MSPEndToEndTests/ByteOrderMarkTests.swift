import Foundation
import Testing

/// `--bom` for Excel users: every command that writes CSV begins it with a byte-order mark when asked, and nothing
/// else changes; asked of another format it is a malformed command line.
@Suite struct ByteOrderMarkTests {
    @Test func csvWithAByteOrderMarkIsTheSameCSVAfterIt() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        for command in [["export-roster"], ["list-late"], ["history", "--delegation", "Uganda"], ["meeting", "list"]] {
            let plain = try msp.run(command + ["--format", "csv"])
            let marked = try msp.run(command + ["--format", "csv", "--bom"])
            expectSuccess(marked)
            #expect(Array(Data(marked.stdout.utf8).prefix(3)) == [0xEF, 0xBB, 0xBF], "\(command)")
            #expect(String(marked.stdout.dropFirst()) == plain.stdout, "\(command)")
        }
        let json = try msp("export-roster", "--format", "json", "--bom")
        #expect(json.status == 64 && json.stderr.contains("--bom: a byte-order mark is for --format csv only"))
        // Written to a file with --output, too.
        expectSuccess(try msp("export-roster", "--format", "csv", "--bom", "--output", "roster.csv"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: msp.path("roster.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}
