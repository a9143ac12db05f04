import Foundation
import Testing
import WorkbookReading

/// `msp stats --format html` with the built msp: one self-contained page (no script, no external asset) with the
/// four charts as inline SVG, each with its figures in words.
@Suite struct StatisticsHTMLTests {
    @Test func aPageOfFourChartsWithTheirFiguresAndNothingToFetch() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        let result = try msp("stats", "--format", "html")
        expectSuccess(result)
        let page = result.stdout
        for forbidden in ["<script", "src=", "href=", "url(", "@import", "http://", "https://"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
        #expect(page.contains("size: A4"))
        for chart in ["participants-by-category", "states-parties", "gender-by-category", "notes-by-day"] {
            let figure = try #require(page.range(of: #"<figure id="\#(chart)""#), "\(chart)")
            let end = try #require(page.range(of: "</figure>", range: figure.upperBound..<page.endIndex))
            let body = page[figure.upperBound..<end.lowerBound]
            #expect(body.contains(#"<svg role="img" viewBox="0 0 "#), "\(chart) has its chart")
            #expect(body.contains("<title>"), "\(chart) has its accessible name")
        }
        // The figures in words, as `msp stats` counts them.
        let json = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        let registered = try #require(json["states_parties_registered"] as? Int)
        let total = try #require(json["states_parties_total"] as? Int)
        #expect(page.contains("\(registered) of \(total) States Parties"))
        let notes = try #require(json["notes"] as? Int)
        #expect(page.contains("\(notes) note"))
        #expect(page.contains(">deadline</text>"))
        // Only this page's own markup: a name that looks like markup stays text.
        #expect(!page.contains("<b>"))
    }

    /// One count of late notes, one definition (registrations and amendments received after the deadline), in every
    /// format: a withdrawal received after the deadline is a note, and no late note.
    @Test func everyFormatGivesTheSameCountOfLateNotes() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        expectSuccess(
            try msp(
                "register", "--delegation", "Kenya", "--received", "2017-08-21", "--head", "Ms. A. Mwangi; ; female"))
        expectSuccess(try msp("withdraw", "--delegation", "Uganda", "--received", "2017-08-30T09:00"))
        let json = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        #expect(json["late_notes"] as? Int == 2 && json["notes"] as? Int == 5)
        #expect(csvRows(try msp("list-late", "--format", "csv").stdout).count == 1 + 2)
        let table = try msp("stats").stdout
        #expect(table.contains("Notes: 5, of which late: 2 "), "\(table)")
        let page = try msp("stats", "--format", "html").stdout
        #expect(page.contains("5 notes from "), "\(page)")
        #expect(
            page.contains(
                ", of which 2 late notes: registrations and amendments received after the deadline (")
        )
        // One participant of a category is counted in the singular.
        #expect(page.contains("Signatory States: 1 woman (100%)") && !page.contains("1 women"), "\(page)")
        expectSuccess(try msp("stats", "--format", "xlsx", "--output", "stats.xlsx"))
        let reader = try WorkbookReader(Data(contentsOf: URL(fileURLWithPath: msp.path("stats.xlsx"))))
        #expect(try reader.values(sheet: 0).first { $0.first == "late_notes" }?[1] == "2")
        // The chart's late part adds up to the same count.
        let chart = try #require(page.range(of: #"<figure id="notes-by-day""#))
        let legend = try #require(page.range(of: "late notes</span>", range: chart.upperBound..<page.endIndex))
        #expect(!legend.isEmpty)
    }
}
