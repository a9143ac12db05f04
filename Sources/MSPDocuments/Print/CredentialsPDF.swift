import MSPDomain

/// The credentials report as a PDF, in the list of participants' design: the masthead and opening, then each of
/// the four lists under its heading, the States' names in three columns read downwards in the HTML's order
/// (`ColumnOrder`), a list that runs over a page break repeating its heading as "(continued)".
package enum CredentialsPDF {
    /// One list: its heading and the States' names in it.
    package typealias Section = (title: String, names: [String])

    package static func document(
        _ sections: [Section], registered: Int, meeting: Meeting, masthead: Masthead = .unset
    ) -> PrintedDocument {
        let mm = PrintedDocument.Measure.millimetre
        var title = PrintedDocument.span(masthead.title(.credentials), size: 11, bold: true)
        title.text(" — \(registered) registered States Parties")
        var units = [
            PrintedDocument.Unit(
                lead: PrintedDocument.opening(
                    masthead: masthead, meeting: meeting,
                    lines: [[meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", ")],
                    documentTitle: title))
        ]
        for section in sections {
            let heading = "\(section.title) (\(section.names.count))"
            func headingBlock(_ text: String) -> PrintedDocument.Block {
                PrintedDocument.Block(PrintedDocument.span(text, size: 12, bold: true), spaceBefore: 6 * mm)
            }
            var rows: [PrintedDocument.Block] = []
            if section.names.isEmpty {
                rows.append(
                    PrintedDocument.Block(PrintedDocument.span("None.", size: 11, italic: true), spaceBefore: 2 * mm))
            }
            // Read down the columns, as the HTML reads: a block of rows at a time, each cell a column of names.
            for (index, block) in ColumnOrder.blocks(section.names).enumerated() {
                let cells = block.map { column in
                    var cell = HTMLWriter()
                    cell.text(column.map(RosterPDF.isolated).joined(separator: "\n"))
                    return cell
                }
                rows.append(
                    PrintedDocument.Block(
                        cells: cells + Array(repeating: HTMLWriter(), count: ColumnOrder.columns - cells.count),
                        .columns, spaceBefore: index == 0 ? 2 * mm : 0.8 * mm))
            }
            units.append(
                PrintedDocument.Unit(
                    heading: headingBlock(heading), continuedHeading: headingBlock("\(heading) (continued)"),
                    items: rows))
        }
        return PrintedDocument(
            title: MastheadHTML.documentTitle(.credentials, meeting: meeting, masthead: masthead),
            runningHead: PrintedDocument.runningHead(masthead, meeting: meeting, kind: .credentials), units: units)
    }

    /// The PDF's bytes.
    package static func render(
        _ sections: [Section], registered: Int, meeting: Meeting, masthead: Masthead = .unset
    ) throws(PrintError) -> PDFRenderer.Output {
        try PDFRenderer.render(document(sections, registered: registered, meeting: meeting, masthead: masthead))
    }
}
