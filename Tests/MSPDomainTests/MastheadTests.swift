import MSPDomain
import Testing

/// A document's masthead: the symbol as UN symbols are written, the title that says "Provisional" until the final
/// list, and the lines printed under the symbol.
@Suite struct MastheadTests {
    @Test(arguments: [
        "CCM/MSP/2017/INF.1", "APLC/MSP.16/2017/INF.1", "FCCC/PA/CMA/2023/INF.3/Add.1", "CCW/MSP/2017/INF.1 (Part 2)",
    ])
    func symbolsAsTheUNWritesThemAreTaken(_ symbol: String) throws {
        #expect(try Masthead.symbol("  \(symbol) ") == symbol)
    }

    @Test(arguments: ["INF.1", "CCM//2017", "/CCM/MSP", "CCM/MSP/2017/INF.1;rm", "CCM/MSP/<b>", "CCM/MSP/2017/ÎNF.1"])
    func anythingElseIsRefusedAtTheSymbol(_ symbol: String) {
        let error = #expect(throws: InputError.self) { try Masthead.symbol(symbol, field: .key("symbol")) }
        #expect(error?.field == .key("symbol"))
    }

    @Test func anEmptySymbolIsNoneAndALongOneIsRefused() throws {
        #expect(try Masthead.symbol("  ") == nil)
        #expect(throws: InputError.self) { try Masthead.symbol("A/" + String(repeating: "B", count: 59)) }
    }

    @Test func theTitleSaysProvisionalUntilTheFinalList() {
        var masthead = Masthead.unset
        #expect(masthead.title(.participants) == "Provisional list of participants")
        masthead.provisional = false
        #expect(masthead.title(.participants) == "List of participants")
        #expect(masthead.title(.credentials) == "Credentials report")
    }

    @Test func underTheSymbolTheDistributionTheDateAndTheOriginal() throws {
        let masthead = Masthead(
            symbol: "CCM/MSP/2017/INF.1", distribution: .general, issued: LocalDate(year: 2017, month: 9, day: 4),
            originalLanguage: try .parse("english"))
        #expect(masthead.lines == ["Distribution: General", "4 September 2017", "Original: English"])
        #expect(Masthead.unset.lines == ["Distribution: General", "Original: English"])
        #expect(throws: InputError.self) { try Masthead.Language.parse("Klingon") }
        #expect(try Distribution.parse(" limited ") == .limited)
    }
}
