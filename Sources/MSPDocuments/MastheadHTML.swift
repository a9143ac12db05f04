import MSPDomain

/// A UN document's masthead in HTML, for every document msp publishes (the list of participants, the credentials
/// report): the symbol top right, the distribution, the date of issue and the original language under it.
package enum MastheadHTML {
    /// Its style, part of each document's style sheet.
    package static let style: StaticString = """
        .masthead { display: flex; justify-content: flex-end; margin: 0 0 8mm 0; padding-bottom: 2mm;
               border-bottom: 1.5pt solid #000; }
        .masthead div { text-align: left; font-size: 9.5pt; line-height: 1.35; }
        .masthead .symbol { font-size: 13pt; font-weight: bold; margin-bottom: 1mm; }
        .masthead p { margin: 0; }
        """

    /// A document's title as a browser's tab or a PDF's properties show it: "7MSP: Provisional list of
    /// participants", with the symbol when there is one.
    package static func documentTitle(_ kind: DocumentKind, meeting: Meeting, masthead: Masthead) -> String {
        "\(meeting.code): \(masthead.title(kind))" + (masthead.symbol.map { " (\($0))" } ?? "")
    }

    /// The block, written at the top of the document; nothing when the document has no symbol and no date.
    package static func write(_ masthead: Masthead, to h: inout HTMLWriter) {
        guard masthead.symbol != nil || masthead.issued != nil else { return }
        h.raw("<div class=\"masthead\"><div>\n")
        if let symbol = masthead.symbol {
            h.element("p", ["class": "symbol"], symbol)
            h.raw("\n")
        }
        for line in masthead.lines {
            h.element("p", line)
            h.raw("\n")
        }
        h.raw("</div></div>\n")
    }
}
