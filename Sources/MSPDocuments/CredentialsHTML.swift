import MSPDomain

/// The credentials report as a page to print: the masthead and opening, then each of the four lists under its
/// heading, the States' names in three columns read downwards, in the PDF's order (`ColumnOrder`).
package enum CredentialsHTML {
    /// One list: its key (the section's id), its heading and the States' names in it.
    package typealias Section = (key: String, title: String, names: [String])

    static let style: StaticString = """
        @page { size: A4; margin: 20mm 18mm; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; max-width: 170mm; margin: 0 auto; padding: 10mm 0; }
        @media print { body { padding: 0; max-width: none; } }
        header { text-align: center; margin-bottom: 8mm; }
        h1 { font-size: 14pt; margin: 0 0 2mm 0; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm 0; break-after: avoid; }
        .columns { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); column-gap: 8mm; break-inside: avoid; }
        .columns ul { margin: 0; padding-left: 5mm; }
        .none { font-style: italic; }
        """

    /// The whole page.
    package static func page(
        _ sections: [Section], registered: Int, meeting: Meeting, masthead: Masthead = .unset
    ) -> String {
        var h = HTMLWriter()
        MastheadHTML.write(masthead, to: &h)
        h.raw("<header>\n")
        h.element("h1", meeting.title)
        h.raw("\n")
        h.element("p", [meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", "))
        h.raw("\n<p><strong>")
        h.text(masthead.title(.credentials))
        h.raw("</strong> — ")
        h.text("\(registered) registered States Parties")
        h.raw("</p>\n</header>\n")
        for section in sections {
            h.open("section", ["id": section.key])
            h.raw("\n")
            h.element("h2", "\(section.title) (\(section.names.count))")
            h.raw("\n")
            if section.names.isEmpty {
                h.raw("<p class=\"none\">None.</p>\n")
            } else {
                // Down the columns, in the PDF's order: a block of rows at a time, a list per column.
                for block in ColumnOrder.blocks(section.names) {
                    h.raw("<div class=\"columns\">\n")
                    for column in block {
                        h.raw("<ul>\n")
                        for name in column {
                            h.element("li", name)
                            h.raw("\n")
                        }
                        h.raw("</ul>\n")
                    }
                    h.raw("</div>\n")
                }
            }
            h.raw("</section>\n")
        }
        return HTML.page(
            title: MastheadHTML.documentTitle(.credentials, meeting: meeting, masthead: masthead),
            styles: [style, MastheadHTML.style], body: h)
    }
}
