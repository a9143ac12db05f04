import MSPDomain

/// The credentials report as a PDF, in the list of participants' design: the masthead and opening, then each of
/// the four lists under its heading, the States' names three to a row (the HTML's three columns), a list that runs
/// over a page break repeating its heading as "(continued)".
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
            var start = 0
            while start < section.names.count {
                let cells = section.names[start..<min(start + columns, section.names.count)].map { name in
                    var cell = HTMLWriter()
                    cell.text(RosterPDF.isolated(name))
                    return cell
                }
                rows.append(
                    PrintedDocument.Block(
                        cells: cells + Array(repeating: HTMLWriter(), count: columns - cells.count), .columns,
                        spaceBefore: start == 0 ? 2 * mm : 0.8 * mm))
                start += columns
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

    /// Names to a row.
    static let columns = 3

    /// The PDF's bytes.
    package static func render(
        _ sections: [Section], registered: Int, meeting: Meeting, masthead: Masthead = .unset
    ) throws(PrintError) -> PDFRenderer.Output {
        try PDFRenderer.render(document(sections, registered: registered, meeting: meeting, masthead: masthead))
    }
}
