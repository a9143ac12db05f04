import Foundation
import Testing

/// `msp document set|show` with the built msp, and the masthead in every format of the list of participants and of
/// the credentials report: the symbol first, top right in HTML; JSON keys; none in CSV.
@Suite struct DocumentCommandTests {
    @Test func theSymbolDateAndStatusSetAreInEveryFormatButCSV() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        try msp.registerSampleNotes()
        let csvBefore = try msp("export-roster", "--format", "csv").stdout
        let set = try msp(
            "document", "set", "participants", "--symbol", "CCM/MSP/2017/INF.1", "--issued", "2017-09-04",
            "--distribution", "general")
        expectSuccess(set)
        #expect(
            set.stdout
                == "7MSP: the list of participants is CCM/MSP/2017/INF.1, Provisional list of participants, Distribution: General, 4 September 2017, Original: English (in \(msp.database)).\n"
        )

        let html = try msp("export-roster", "--format", "html").stdout
        let order = [
            "<title>7MSP: Provisional list of participants (CCM/MSP/2017/INF.1)</title>",
            #"<div class="masthead"><div>"#, #"<p class="symbol">CCM/MSP/2017/INF.1</p>"#,
            "<p>Distribution: General</p>", "<p>4 September 2017</p>", "<p>Original: English</p>",
            "<h1>Seventh Meeting", #"<p class="doc-title">Provisional list of participants</p>"#,
        ]
        var position = html.startIndex
        for marker in order {
            let found = try #require(html.range(of: marker, range: position..<html.endIndex), "\(marker) out of order")
            position = found.upperBound
        }
        #expect(html.contains(".masthead { display: flex; justify-content: flex-end;"))
        let markdown = try msp("export-roster", "--format", "markdown").stdout
        #expect(markdown.hasPrefix("**CCM/MSP/2017/INF.1**\n\nDistribution: General  \n4 September 2017  \n"))
        #expect(markdown.contains("## Provisional list of participants"))
        let table = try msp("export-roster").stdout
        #expect(table.hasPrefix("CCM/MSP/2017/INF.1\nDistribution: General\n4 September 2017\nOriginal: English\n\n"))
        let json = try #require(try msp("export-roster", "--format", "json").json() as? [String: Any])
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["symbol"] as? String == "CCM/MSP/2017/INF.1" && document["issued"] as? String == "2017-09-04")
        #expect(document["provisional"] as? Bool == true && document["original_language"] as? String == "English")
        // CSV: rows only, as before (a line above the header is not CSV).
        #expect(try msp("export-roster", "--format", "csv").stdout == csvBefore)

        // The final list.
        expectSuccess(try msp("document", "set", "participants", "--final"))
        #expect(
            try msp("export-roster", "--format", "html").stdout.contains(
                #"<p class="doc-title">List of participants</p>"#))
        let shown = try #require(try msp("document", "show", "--format", "json").json() as? [[String: Any]])
        #expect(shown.map { $0["kind"] as? String } == ["participants", "credentials"])
        #expect(shown[0]["provisional"] as? Bool == false && shown[1]["symbol"] is NSNull)
    }

    @Test func theCredentialsReportHasItsOwnMasthead() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp("document", "set", "credentials", "--symbol", "CCM/MSP/2017/INF.2", "--language", "French"))
        let html = try msp("credentials", "report", "--format", "html").stdout
        #expect(html.contains(#"<p class="symbol">CCM/MSP/2017/INF.2</p>"#) && html.contains("<p>Original: French</p>"))
        #expect(html.contains("<strong>Provisional credentials report</strong>"))
        let roster = try msp("export-roster", "--format", "html").stdout
        #expect(!roster.contains("CCM/MSP/2017/INF.2") && !roster.contains(#"class="masthead""#))
    }

    @Test func aBadValueIsOneLineAndStatus65AndChangesNothing() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let before = msp.snapshot()
        for (arguments, field) in [
            (["--symbol", "not a symbol"], "--symbol"), (["--issued", "4 Sept"], "--issued"),
            (["--language", "Esperanto"], "--language"), (["--distribution", "Secret"], "--distribution"),
        ] {
            let result = try msp.run(["document", "set", "participants"] + arguments)
            #expect(result.status == 65 && result.stderr.hasPrefix("msp: \(field): "), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(msp.snapshot() == before)
        #expect(try msp("document", "set", "minutes").status == 64)
    }
}
