import Foundation
import Testing

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
}
