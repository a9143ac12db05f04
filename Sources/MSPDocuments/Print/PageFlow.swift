/// How a printed document's blocks fall onto pages: the rules of the list of participants' HTML (`RosterHTML`'s
/// print style), written for a PDF that msp lays out itself.
///
/// A document is a sequence of units. A unit is a group (a delegation, a section of the credentials report): an
/// optional heading, its items, and leading blocks that travel with its start (a category's heading before its
/// first delegation). The rules:
/// - a unit that fits in what is left of the page goes there; one that does not, but fits on a page of its own,
///   starts a new page (a delegation is not split when it need not be);
/// - a unit longer than a page is split between items, never leaving its leading blocks and heading without their
///   first item at the foot of a page; on each following page the heading is repeated as "continued";
/// - the space before a block is dropped at the top of a page.
///
/// Heights are in points, measured by the renderer; this type knows nothing of fonts, so it is tested with numbers.
package struct PageFlow: Sendable, Equatable {
    /// One block's measure: its own height and the space kept above it.
    package struct Measure: Sendable, Equatable {
        package var height: Double
        package var spaceBefore: Double

        package init(height: Double, spaceBefore: Double = 0) {
            self.height = height
            self.spaceBefore = spaceBefore
        }
    }

    /// A group of blocks, as measured.
    package struct Unit: Sendable, Equatable {
        /// Blocks printed before the heading and kept with the unit's start (a category's heading).
        package var lead: [Measure]
        package var heading: Measure?
        /// The heading as repeated at the top of a following page ("Brazil (continued)").
        package var continuedHeading: Measure?
        package var items: [Measure]

        package init(lead: [Measure] = [], heading: Measure? = nil, continuedHeading: Measure? = nil, items: [Measure])
        {
            self.lead = lead
            self.heading = heading
            self.continuedHeading = continuedHeading
            self.items = items
        }
    }

    /// Which block of which unit, as the renderer draws it.
    package enum Part: Sendable, Equatable {
        case lead(Int)
        case heading
        case continuedHeading
        case item(Int)
    }

    /// A block placed on a page: its unit, which part, and the top of the block measured from the top of the
    /// page's body.
    package struct Placement: Sendable, Equatable {
        package var unit: Int
        package var part: Part
        package var top: Double
    }

    /// The placements of each page, in order.
    package private(set) var pages: [[Placement]] = [[]]

    private let bodyHeight: Double
    private var cursor: Double = 0

    /// Lays `units` out on pages whose body (the page less its margins) is `bodyHeight` points high.
    package init(_ units: [Unit], bodyHeight: Double) {
        self.bodyHeight = bodyHeight
        for (index, unit) in units.enumerated() { place(unit, index) }
    }

    private var atTop: Bool { pages[pages.count - 1].isEmpty }

    /// The height `blocks` take from the cursor, the first one's space dropped at the top of a page.
    private func extent(_ blocks: [Measure], fromTop: Bool) -> Double {
        var total = 0.0
        for (index, block) in blocks.enumerated() {
            total += (index == 0 && fromTop ? 0 : block.spaceBefore) + block.height
        }
        return total
    }

    private func fits(_ blocks: [Measure]) -> Bool {
        cursor + extent(blocks, fromTop: atTop) <= bodyHeight + 0.001
    }

    private mutating func newPage() {
        guard !atTop else { return }
        pages.append([])
        cursor = 0
    }

    private mutating func put(_ block: Measure, _ unit: Int, _ part: Part) {
        if !atTop { cursor += block.spaceBefore }
        pages[pages.count - 1].append(Placement(unit: unit, part: part, top: cursor))
        cursor += block.height
    }

    private mutating func place(_ unit: Unit, _ index: Int) {
        let start = unit.lead + (unit.heading.map { [$0] } ?? [])
        let whole = start + unit.items
        if !fits(whole) {
            // On a page of its own if it fits there; otherwise split, but not before its first item.
            if extent(whole, fromTop: true) <= bodyHeight || !fits(start + unit.items.prefix(1)) { newPage() }
        }
        for (n, block) in unit.lead.enumerated() { put(block, index, .lead(n)) }
        if let heading = unit.heading { put(heading, index, .heading) }
        for (n, item) in unit.items.enumerated() {
            if !fits([item]) && !atTop {
                newPage()
                if let continued = unit.continuedHeading ?? unit.heading { put(continued, index, .continuedHeading) }
            }
            put(item, index, .item(n))
        }
    }
}
