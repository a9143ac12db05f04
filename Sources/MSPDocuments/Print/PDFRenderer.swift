/// Prints a `PrintedDocument` as an A4 PDF through Pango and Cairo: every block measured, the blocks laid out on
/// pages by `PageFlow`, then drawn page by page with the running head and "n / N" at the foot.
///
/// Two passes over the text (measure, then draw), because the foot of each page names the number of pages. Cairo
/// writes each page as it is finished and embeds the fonts as subsets at the end, so memory grows with the text
/// held, not with the pages drawn (`bench/run` measures both).
package enum PDFRenderer {
    /// The PDF's bytes, and what printing found.
    package struct Output: Sendable {
        package var bytes: [UInt8]
        package var pages: Int
        /// Characters no installed font could draw (printed as boxes): fonts for a script are missing.
        package var missingGlyphs: Int
    }

    /// The base font: the HTML's serif families, then fonts that cover Arabic and Chinese; fontconfig falls back
    /// further for any other script.
    static let font =
        "Liberation Serif, Times New Roman, DejaVu Serif, Noto Serif, Noto Naskh Arabic, Noto Serif CJK SC 11"

    package static func render(_ document: PrintedDocument) throws(PrintError) -> Output {
        let pc = try PangoCairo.shared.get()
        let sink = Sink()
        let write: PangoCairo.WriteFunction = { closure, data, length in
            guard let closure, let data else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return 0  // CAIRO_STATUS_SUCCESS
        }
        typealias M = PrintedDocument.Measure
        let surface = pc.pdfSurfaceCreateForStream(
            write, Unmanaged.passUnretained(sink).toOpaque(), M.pageWidth, M.pageHeight)
        defer { pc.surfaceDestroy(surface) }
        pc.pdfSurfaceSetMetadata(surface, PangoCairo.metadataTitle, document.title)
        pc.pdfSurfaceSetMetadata(surface, PangoCairo.metadataCreator, "msp")
        let cr = pc.create(surface)
        defer { pc.destroy(cr) }
        let layout = pc.createLayout(cr)
        defer { pc.objectUnref(UnsafeMutableRawPointer(layout)) }
        let font = pc.fontDescriptionFromString(font)
        defer { pc.fontDescriptionFree(font) }
        pc.setFontDescription(layout, font)
        pc.setWrap(layout, PangoCairo.wrapWordChar)
        // The paragraph's direction is not guessed from its first letter: a line stays aligned like the others
        // even when it begins with an Arabic name, which is still drawn right to left within the line.
        pc.setAutoDir(layout, 0)

        var missing = 0
        /// Sets the layout to one cell of a block; returns the text's height in points.
        func set(_ markup: String, width: Double?, alignment: Int32) -> Double {
            pc.setWidth(layout, width.map { Int32($0 * PangoCairo.scale) } ?? -1)
            pc.setAlignment(layout, alignment)
            pc.setMarkup(layout, markup, -1)
            var w: Int32 = 0
            var h: Int32 = 0
            pc.getSize(layout, &w, &h)
            return Double(h) / PangoCairo.scale
        }
        func naturalWidth() -> Double {
            var w: Int32 = 0
            var h: Int32 = 0
            pc.getSize(layout, &w, &h)
            return Double(w) / PangoCairo.scale
        }
        /// Sets the layout to one cell of a block as it is drawn; returns the text's height and the cell's left edge.
        func lay(_ block: PrintedDocument.Block, column: Int) -> (height: Double, x: Double) {
            let cell = block.markup[column]
            switch block.placement {
            case .left(let indent):
                return (set(cell, width: M.bodyWidth - indent, alignment: PangoCairo.alignLeft), M.margin + indent)
            case .centered:
                return (set(cell, width: M.bodyWidth, alignment: PangoCairo.alignCenter), M.margin)
            case .right:
                let height = set(cell, width: nil, alignment: PangoCairo.alignLeft)
                return (height, M.margin + M.bodyWidth - naturalWidth())
            case .columns:
                let width = M.bodyWidth / Double(block.markup.count)
                return (set(cell, width: width, alignment: PangoCairo.alignLeft), M.margin + Double(column) * width)
            }
        }
        /// A block's measure; its characters without a font are counted once, not again in a continued heading.
        func measure(_ block: PrintedDocument.Block, counting: Bool) -> PageFlow.Measure {
            var height = 0.0
            for column in block.markup.indices {
                height = max(height, lay(block, column: column).height)
                if counting { missing += Int(pc.unknownGlyphsCount(layout)) }
            }
            return PageFlow.Measure(
                height: height + (block.rule.map { $0.gap + $0.width } ?? 0), spaceBefore: block.spaceBefore)
        }
        func measure(_ block: PrintedDocument.Block) -> PageFlow.Measure { measure(block, counting: true) }

        let units = document.units.map { unit in
            PageFlow.Unit(
                lead: unit.lead.map(measure), heading: unit.heading.map(measure),
                continuedHeading: unit.continuedHeading.map { measure($0, counting: false) },
                items: unit.items.map(measure))
        }
        let flow = PageFlow(units, bodyHeight: M.bodyHeight)

        func draw(_ block: PrintedDocument.Block, top: Double) {
            let y = M.margin + top
            var height = 0.0
            for column in block.markup.indices {
                let (cellHeight, x) = lay(block, column: column)
                height = max(height, cellHeight)
                pc.moveTo(cr, x, y)
                pc.showLayout(cr, layout)
            }
            if let rule = block.rule {
                let ruleY = y + height + rule.gap + rule.width / 2
                pc.setLineWidth(cr, rule.width)
                pc.moveTo(cr, M.margin, ruleY)
                pc.lineTo(cr, M.margin + M.bodyWidth, ruleY)
                pc.stroke(cr)
            }
        }
        func small(_ text: String) -> String { PrintedDocument.span(text, size: 9).markup }

        let pageCount = flow.pages.count
        for (index, page) in flow.pages.enumerated() {
            if index > 0 {
                // The symbol at the top right of every following page, as UN documents print it.
                _ = set(small(document.runningHead), width: nil, alignment: PangoCairo.alignLeft)
                pc.moveTo(cr, M.margin + M.bodyWidth - naturalWidth(), 10 * M.millimetre)
                pc.showLayout(cr, layout)
            }
            _ = set(small("\(index + 1) / \(pageCount)"), width: M.bodyWidth, alignment: PangoCairo.alignCenter)
            pc.moveTo(cr, M.margin, M.pageHeight - 14 * M.millimetre)
            pc.showLayout(cr, layout)
            for placement in page {
                let unit = document.units[placement.unit]
                let block: PrintedDocument.Block? =
                    switch placement.part {
                    case .lead(let n): unit.lead[n]
                    case .heading: unit.heading
                    case .continuedHeading: unit.continuedHeading ?? unit.heading
                    case .item(let n): unit.items[n]
                    }
                if let block { draw(block, top: placement.top) }
            }
            pc.showPage(cr)
        }
        pc.surfaceFinish(surface)
        let status = pc.surfaceStatus(surface)
        guard status == 0 else {
            let reason = pc.statusToString(status).map { String(cString: $0) } ?? "status \(status)"
            throw .failed("the PDF could not be written: \(reason)")
        }
        return Output(bytes: sink.bytes, pages: pageCount, missingGlyphs: missing)
    }
}

/// Where Cairo's stream of PDF bytes is collected.
private final class Sink {
    var bytes: [UInt8] = []
}
