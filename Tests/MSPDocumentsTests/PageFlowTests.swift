import MSPDocuments
import Testing

/// How blocks fall onto pages, with heights in points: the list of participants' keep rules.
@Suite struct PageFlowTests {
    typealias M = PageFlow.Measure

    /// Heights of whole units laid on pages of `body` points, as (unit, part) per page.
    func pages(_ units: [PageFlow.Unit], body: Double) -> [[String]] {
        PageFlow(units, bodyHeight: body).pages.map { page in
            page.map { placement in
                switch placement.part {
                case .lead(let n): "u\(placement.unit).lead\(n)"
                case .heading: "u\(placement.unit).h"
                case .continuedHeading: "u\(placement.unit).cont"
                case .item(let n): "u\(placement.unit).i\(n)"
                }
            }
        }
    }

    func unit(lead: Int = 0, items: Int, height: Double = 10, space: Double = 0) -> PageFlow.Unit {
        PageFlow.Unit(
            lead: Array(repeating: M(height: height, spaceBefore: space), count: lead),
            heading: M(height: height, spaceBefore: space), continuedHeading: M(height: height),
            items: Array(repeating: M(height: height, spaceBefore: space), count: items))
    }

    @Test func aUnitThatFitsStaysWhereItIs() {
        #expect(
            pages([unit(items: 2), unit(items: 2)], body: 60) == [["u0.h", "u0.i0", "u0.i1", "u1.h", "u1.i0", "u1.i1"]])
    }

    @Test func aUnitThatFitsOnAPageOfItsOwnIsNotSplit() {
        // 30 + 40 > 60: the second delegation moves whole to the next page.
        #expect(
            pages([unit(items: 2), unit(items: 3)], body: 60) == [
                ["u0.h", "u0.i0", "u0.i1"], ["u1.h", "u1.i0", "u1.i1", "u1.i2"],
            ])
    }

    @Test func aLongUnitIsSplitBetweenItemsWithItsHeadingRepeated() {
        // 10 items of 10 on pages of 45: heading + 3 items, then a continued heading + 3 items on each page.
        let result = pages([unit(items: 10)], body: 45)
        #expect(result.count == 4)
        #expect(result[0] == ["u0.h", "u0.i0", "u0.i1", "u0.i2"])
        #expect(result[1] == ["u0.cont", "u0.i3", "u0.i4", "u0.i5"])
        #expect(result.dropFirst().allSatisfy { $0.first == "u0.cont" })
        #expect(result.flatMap { $0 }.filter { $0.contains(".i") }.count == 10)
    }

    @Test func aHeadingIsNeverLeftAtTheFootWithoutItsFirstItem() {
        // The first unit leaves 15 points: room for the next unit's lead and heading (20) is not there, nor for a
        // heading alone with nothing under it.
        let result = pages([unit(items: 3, height: 15), unit(lead: 1, items: 10)], body: 60)
        #expect(result[0] == ["u0.h", "u0.i0", "u0.i1", "u0.i2"])
        #expect(result[1].prefix(3) == ["u1.lead0", "u1.h", "u1.i0"])
    }

    @Test func theSpaceAboveABlockIsDroppedAtTheTopOfAPage() {
        let flow = PageFlow([unit(items: 2, space: 5), unit(items: 2, space: 5)], bodyHeight: 50)
        #expect(flow.pages.count == 2)
        #expect(flow.pages[0].first?.top == 0)
        #expect(flow.pages[1].first?.top == 0)
        // Inside a page, each block starts below the one before and its space.
        #expect(flow.pages[0].map(\.top) == [0, 15, 30])
    }

    @Test func everyBlockIsPlacedOnceAndWithinThePage() {
        let units = (0..<40).map {
            unit(lead: $0 % 7 == 0 ? 1 : 0, items: ($0 * 7) % 23 + 1, height: Double(8 + $0 % 5), space: 3)
        }
        let flow = PageFlow(units, bodyHeight: 700)
        let placed = flow.pages.flatMap { $0 }.filter { if case .continuedHeading = $0.part { false } else { true } }
        #expect(placed.count == units.reduce(0) { $0 + $1.lead.count + 1 + $1.items.count })
        for page in flow.pages {
            #expect(page.allSatisfy { $0.top + 12 <= 700 + 0.001 })
        }
    }
}
