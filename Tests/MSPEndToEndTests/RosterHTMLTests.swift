import Foundation
import Testing

/// The HTML list of participants as a file: self-contained, in the order of a UN list, names in any script isolated
/// and escaped. (scripts/check-roster-html renders it in Chromium.)
@Suite struct RosterHTMLTests {
    @Test func aSelfContainedPageInTheOrderOfAUNList() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let notes: [[String]] = [
            ["--delegation", "Lebanon", "--head", "H.E. Mr. محمد علي الحسن"],
            ["--delegation", "China", "--head", "Mr. 王毅明"],
            ["--delegation", "Bulgaria", "--head", "Mr. Иван Петров", "--adviser", "Ms. <script>alert(1)</script>"],
            ["--delegation", "ICRC", "--head", "Ms. Kathleen Lawand"],
            ["--delegation", "Uganda", "--head", "Mr. C. Onyanga"],
        ]
        for note in notes {
            let result = try msp.run(["register", "--received", "2017-08-01"] + note)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let result = try msp("export-roster", "--format", "html", "--output", "roster.html")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: msp.path("roster.html"), encoding: .utf8)

        // No external assets: nothing to fetch.
        for external in ["src=", "href=", "url(", "@import", "http://", "https://"] {
            #expect(!page.contains(external), "\(external)")
        }
        #expect(page.contains("<meta charset=\"utf-8\">"))
        // Title, venue and dates at the top; the five headings in order; States Parties before signatories.
        let order = [
            "<h1>Seventh Meeting of States Parties", "Palais des Nations, Room XIX, Geneva", "4–6 September 2017",
            "Provisional list of participants", "<h2>States Parties</h2>", "<bdi>Bulgaria</bdi>", "<bdi>Lebanon</bdi>",
            "<h2>Signatory States</h2>", "<bdi>Uganda</bdi>", "<h2>Observer States</h2>", "<bdi>China</bdi>",
            "<h2>International organizations</h2>", "<h2>Civil society</h2>", "<p class=\"none\">None.</p>",
        ]
        var position = page.startIndex
        for marker in order {
            let found = try #require(page.range(of: marker, range: position..<page.endIndex), "\(marker) out of order")
            position = found.upperBound
        }
        // The honorific stays before a right-to-left name, which is isolated; markup in a name is text.
        #expect(
            page.contains(
                "H.E. Mr. <bdi class=\"name\">محمد علي الحسن</bdi> <span class=\"head\">(Head of delegation)</span>"))
        #expect(page.contains("Mr. <bdi class=\"name\">王毅明</bdi>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>"))
        // A4, and a heading kept with what follows it.
        #expect(page.contains("size: A4"))
        #expect(page.contains("<div class=\"keep\">\n<h2>States Parties</h2>\n<div class=\"delegation\">"))
    }
}
