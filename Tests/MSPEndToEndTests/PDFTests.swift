import Foundation
import Testing

/// The list of participants and the credentials report as PDF: A4 pages numbered "n / N", the symbol on every page,
/// a long delegation continued over a page break, names in Latin, Cyrillic, Arabic and Chinese drawn (no character
/// without a font), read back with poppler's pdftotext and pdfinfo.
@Suite struct PDFTests {
    /// The text of each page of a PDF in the run's folder (pdftotext separates pages with a form feed).
    func pages(_ msp: MSPRun, _ name: String) throws -> [String] {
        let result = try msp.run(["-c", "pdftotext -enc UTF-8 \"$1\" -", "sh", name], shell: true)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init).dropLast()
    }

    func info(_ msp: MSPRun, _ name: String) throws -> String {
        let result = try msp.run(["-c", "pdfinfo \"$1\"; pdffonts \"$1\"", "sh", name], shell: true)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func theListOfParticipantsAsAnA4DocumentWithItsSymbolOnEveryPage() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        // Sixty advisers: Bulgaria runs over a page break.
        let advisers = (1...60).flatMap { ["--adviser", "Mr. Adviser Number\($0); Expert \($0)"] }
        let notes: [[String]] = [
            ["--delegation", "Lebanon", "--head", "H.E. Mr. محمد علي الحسن; السفير"],
            ["--delegation", "China", "--head", "Mr. 王毅明; 大使"],
            ["--delegation", "Bulgaria", "--head", "Mr. Иван Петров; Посланик"] + advisers,
            ["--delegation", "ICRC", "--head", "Ms. Kathleen Lawand"],
            ["--delegation", "Côte d'Ivoire", "--head", "Mme Aya N'Guessan & <b>Koné</b>"],
        ]
        for note in notes { expectSuccess(try msp.run(["register", "--received", "2017-08-01"] + note)) }
        expectSuccess(
            try msp("document", "set", "participants", "--symbol", "CCM/MSP/2017/INF.1", "--issued", "2017-09-04"))

        let result = try msp("export-roster", "--format", "pdf", "--output", "roster.pdf")
        expectSuccess(result)
        let bytes = try #require(FileManager.default.contents(atPath: msp.path("roster.pdf")))
        #expect(result.stdout.isEmpty && result.stderr == "Wrote \(bytes.count) bytes of pdf to roster.pdf.\n")
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        let info = try info(msp, "roster.pdf")
        #expect(info.contains("Title:           7MSP: Provisional list of participants (CCM/MSP/2017/INF.1)"))
        #expect(info.contains("595.276 x 841.89 pts (A4)"))
        let text = try pages(msp, "roster.pdf")
        #expect(text.count >= 3)
        let pageCount = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last
        #expect(pageCount.map(String.init) == String(text.count))
        for (index, page) in text.enumerated() {
            #expect(page.contains("CCM/MSP/2017/INF.1"), "page \(index + 1) has no symbol")
            // pdftotext reads "1 / 5" as "1/5": the spaces are narrow.
            #expect(
                page.replacingOccurrences(of: " ", with: "").contains("\(index + 1)/\(text.count)"),
                "page \(index + 1) has no number")
        }
        let first = text[0]
        for line in [
            "Distribution: General", "4 September 2017", "Original: English", "Seventh Meeting of States Parties",
            "PROVISIONAL LIST OF PARTICIPANTS", "STATES PARTIES", "Bulgaria", "Mr. Иван Петров (Head of delegation)",
        ] {
            #expect(first.contains(line), "\(line)")
        }
        // Bulgaria's advisers run over; the page after the break begins with its name, continued.
        let continued = try #require(text.firstIndex { $0.contains("Bulgaria (continued)") })
        #expect(continued >= 1)
        let all = text.joined(separator: "\n")
        for n in 1...60 { #expect(all.contains("Mr. Adviser Number\(n)\n"), "adviser \(n)") }
        // Every script drawn; markup in a name printed as text.
        for name in ["Mr. 王毅明", "大使", "Kathleen Lawand", "Mme Aya N'Guessan & <b>Koné</b>", "OBSERVER STATES"] {
            #expect(all.contains(name), "\(name)")
        }
        #expect(all.contains("الحسن") || all.contains("نسحلا"), "the Arabic name")
        #expect(!result.stderr.contains("boxes"), "\(result.stderr)")
        // The fonts are embedded (as subsets), so the file reads the same on any machine.
        let fonts = info.split(separator: "\n").drop { !$0.hasPrefix("---") }.dropFirst()
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "\(info)")
    }

    @Test func theCredentialsReportInTheSameDesign() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        for state in ["Germany", "Benin", "Iraq", "Zambia"] {
            expectSuccess(try msp("register", "--received", "2017-08-01", "--delegation", state, "--head", "Mr. A. B"))
        }
        expectSuccess(
            try msp(
                "credentials", "record", "--received", "2017-09-04T09:30", "--delegation", "Germany", "--kind",
                "original"))
        expectSuccess(try msp("document", "set", "credentials", "--symbol", "CCM/MSP/2017/INF.2"))
        expectSuccess(try msp("credentials", "report", "--format", "pdf", "--output", "credentials.pdf"))
        let text = try pages(msp, "credentials.pdf").joined()
        for line in [
            "CCM/MSP/2017/INF.2", "Provisional credentials report", "4 registered States Parties",
            "States Parties that presented formal credentials (1)", "Germany",
            "States Parties that have presented nothing yet (3)", "Benin", "Iraq", "Zambia", "1/1",
        ] {
            #expect(text.contains(line), "\(line)")
        }
    }

    /// One reading order, down the columns like a printed list, in the HTML and the PDF: five States in three
    /// columns are Benin and Chad, then Iraq and Peru, then Zambia.
    @Test func theCredentialsReportReadsDownTheColumnsInHTMLAndInPDF() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        for state in ["Zambia", "Peru", "Iraq", "Chad", "Benin"] {
            expectSuccess(try msp("register", "--received", "2017-08-01", "--delegation", state, "--head", "Mr. A. B"))
        }
        let html = try msp("credentials", "report", "--format", "html")
        expectSuccess(html)
        let section = try #require(html.stdout.range(of: #"<section id="missing""#))
        let lists = html.stdout[section.upperBound...].components(separatedBy: "<ul>").dropFirst().prefix(3).map {
            $0.components(separatedBy: "<li>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(lists == [["Benin", "Chad"], ["Iraq", "Peru"], ["Zambia"]], "\(html.stdout)")
        expectSuccess(try msp("credentials", "report", "--format", "pdf", "--output", "credentials.pdf"))
        let result = try msp.run(["-c", "pdftotext -layout -enc UTF-8 credentials.pdf -"], shell: true)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("Benin Iraq Zambia") && rows.contains("Chad Peru"), "\(result.stdout)")
    }

    @Test func aPDFIsNotWrittenToATerminal() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        // script(1) gives msp a terminal as its standard output.
        let result = try msp.run(
            ["-c", "script -qec \"\\\"$1\\\" export-roster --format pdf\" /dev/null", "sh", msp.binary.path],
            shell: true)
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stdout.contains("--format pdf writes a file"), "\(result.stdout)")
        // To a pipe it is written.
        let piped = try msp("export-roster", "--format", "pdf")
        #expect(piped.status == 0 && piped.stdout.hasPrefix("%PDF-"), "\(piped.stderr)")
    }
}
