import MSPDomain
import Testing

/// A count and its noun, singular for one: "1 woman", not "1 women".
@Suite struct CountedTests {
    @Test func oneTakesTheSingularAndEveryOtherCountThePlural() {
        #expect(Counted.phrase(1, "woman") == "1 woman")
        #expect(Counted.phrase(3, "woman") == "3 women")
        #expect(Counted.phrase(1, "man") == "1 man" && Counted.phrase(0, "man") == "0 men")
        #expect(Counted.phrase(1, "note") == "1 note" && Counted.phrase(2, "note") == "2 notes")
        #expect(Counted.phrase(2, "late note") == "2 late notes")
    }
}
