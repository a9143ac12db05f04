import MSPDomain

/// A document as msp prints it to PDF: its blocks of text in Pango markup, grouped into the units `PageFlow` lays
/// out, with the line each page repeats at its top.
///
/// The markup is built with `HTMLWriter`: Pango's markup is escaped as HTML text is (`&`, `<`, `>`, quotes), so a
/// name can never become markup there either.
package struct PrintedDocument: Sendable {
    /// One block of text.
    package struct Block: Sendable {
        package enum Placement: Sendable {
            /// Across the body, lines aligned left, after `indent` points.
            case left(indent: Double)
            /// Across the body, lines centred.
            case centered
            /// As wide as its longest line, against the right margin (a UN document's symbol block).
            case right
            /// Side by side in equal columns, one cell each (a row of the credentials report's lists).
            case columns
        }

        /// The text, or one per column.
        package var markup: [String]
        package var placement: Placement
        package var spaceBefore: Double
        /// A rule under the text: its width and the gap above it, in points.
        package var rule: (width: Double, gap: Double)?

        package init(
            _ markup: HTMLWriter, _ placement: Placement = .left(indent: 0), spaceBefore: Double = 0,
            rule: (width: Double, gap: Double)? = nil
        ) {
            self.init(cells: [markup], placement, spaceBefore: spaceBefore, rule: rule)
        }

        package init(
            cells: [HTMLWriter], _ placement: Placement, spaceBefore: Double = 0,
            rule: (width: Double, gap: Double)? = nil
        ) {
            self.markup = cells.map(\.markup)
            self.placement = placement
            self.spaceBefore = spaceBefore
            self.rule = rule
        }
    }

    /// A group of blocks; see `PageFlow.Unit`.
    package struct Unit: Sendable {
        package var lead: [Block]
        package var heading: Block?
        package var continuedHeading: Block?
        package var items: [Block]

        package init(lead: [Block] = [], heading: Block? = nil, continuedHeading: Block? = nil, items: [Block] = []) {
            self.lead = lead
            self.heading = heading
            self.continuedHeading = continuedHeading
            self.items = items
        }
    }

    /// The document's title, in the PDF's properties.
    package var title: String
    /// Printed at the top right of every page but the first (which has the masthead): the symbol, or the meeting
    /// and the document's title when the secretariat has not set a symbol.
    package var runningHead: String
    package var units: [Unit]

    package init(title: String, runningHead: String, units: [Unit]) {
        self.title = title
        self.runningHead = runningHead
        self.units = units
    }

    /// Sizes and spaces, in points, shared by every printed document (the HTML's, converted: 1 mm = 2.835 pt).
    package enum Measure {
        package static let millimetre = 72 / 25.4
        package static let pageWidth = 210 * millimetre
        package static let pageHeight = 297 * millimetre
        /// The HTML's `@page` margins: 20 mm, 22 mm at the foot (the page number sits in it).
        package static let margin = 20 * millimetre
        package static let footMargin = 22 * millimetre
        package static let bodyWidth = pageWidth - 2 * margin
        package static let bodyHeight = pageHeight - margin - footMargin
    }

    /// The top of page one, as the HTML has it: the masthead (symbol, distribution, date, original) against the
    /// right margin above a rule, then the meeting's title, its venue and dates, and the document's title, centred.
    package static func opening(
        masthead: Masthead, meeting: Meeting, lines: [String], documentTitle: HTMLWriter
    ) -> [Block] {
        var blocks: [Block] = []
        if masthead.symbol != nil || masthead.issued != nil {
            var m = HTMLWriter()
            if let symbol = masthead.symbol {
                m.append(span(symbol, size: 13, bold: true))
                m.raw("\n")
            }
            m.append(span(masthead.lines.joined(separator: "\n"), size: 9.5))
            blocks.append(Block(m, .right, rule: (width: 1.5, gap: 2 * Measure.millimetre)))
        }
        blocks.append(
            Block(
                span(meeting.title, size: 14, bold: true), .centered,
                spaceBefore: blocks.isEmpty ? 0 : 8 * Measure.millimetre))
        for line in lines {
            blocks.append(Block(span(line, size: 11), .centered, spaceBefore: 1 * Measure.millimetre))
        }
        blocks.append(Block(documentTitle, .centered, spaceBefore: 6 * Measure.millimetre))
        return blocks
    }

    /// `text` in a span of `size` points, bold or italic; `spacing` is the letter spacing in points.
    package static func span(
        _ text: String, size: Double, bold: Bool = false, italic: Bool = false, spacing: Double = 0
    ) -> HTMLWriter {
        var w = HTMLWriter()
        // Pango's sizes are in 1/1024 point (the "12pt" form needs Pango 1.50).
        w.open(
            "span",
            [
                "size": String(Int(size * 1024)), "weight": bold ? "bold" : "normal",
                "style": italic ? "italic" : "normal", "letter_spacing": String(Int(spacing * 1024)),
            ])
        w.text(text)
        w.close("span")
        return w
    }

    /// The running head: the symbol, or "7MSP: Provisional list of participants".
    package static func runningHead(_ masthead: Masthead, meeting: Meeting, kind: DocumentKind) -> String {
        masthead.symbol ?? "\(meeting.code): \(masthead.title(kind))"
    }
}
