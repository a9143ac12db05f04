import MSPDomain

/// The list of participants as a PDF: `RosterHTML`'s page, laid out by msp (`PageFlow`) and printed through Pango
/// and Cairo (`PDFRenderer`).
///
/// Chromium printing the HTML takes minutes past 50,000 participants and grows faster than the list; this stays
/// linear (`bench/run` measures it at 100,000).
package enum RosterPDF {
    typealias Block = PrintedDocument.Block

    /// The document: the opening, then per category its heading, kept with the first delegation, and each
    /// delegation's name, kept with its participants and repeated as "(continued)" over a page break.
    package static func document(_ roster: Roster, meeting: Meeting, masthead: Masthead = .unset) -> PrintedDocument {
        let mm = PrintedDocument.Measure.millimetre
        var units = [
            PrintedDocument.Unit(
                lead: PrintedDocument.opening(
                    masthead: masthead, meeting: meeting,
                    lines: [meeting.venue, meeting.datesDescription].compactMap { $0 },
                    documentTitle: PrintedDocument.span(
                        masthead.title(.participants).uppercased(), size: 13, bold: true, spacing: 0.8)))
        ]
        for group in roster.groups {
            let heading = Block(
                PrintedDocument.span(group.title.uppercased(), size: 12, bold: true, spacing: 0.5), .centered,
                spaceBefore: 9 * mm, rule: (width: 0.5, gap: 1 * mm))
            guard !group.delegations.isEmpty else {
                units.append(
                    PrintedDocument.Unit(
                        lead: [heading],
                        items: [
                            Block(PrintedDocument.span("None.", size: 11, italic: true), .centered, spaceBefore: 5 * mm)
                        ]))
                continue
            }
            for (index, delegation) in group.delegations.enumerated() {
                units.append(unit(delegation, lead: index == 0 ? [heading] : []))
            }
        }
        var footer = HTMLWriter()
        footer.append(
            PrintedDocument.span(
                "\(roster.delegationCount) delegations, \(roster.participantCount) participants", size: 9))
        units.append(PrintedDocument.Unit(items: [Block(footer, .centered, spaceBefore: 10 * mm)]))
        return PrintedDocument(
            title: RosterHTML.title(meeting, masthead: masthead),
            runningHead: PrintedDocument.runningHead(masthead, meeting: meeting, kind: .participants), units: units)
    }

    /// The PDF's bytes.
    package static func render(_ roster: Roster, meeting: Meeting, masthead: Masthead = .unset) throws(PrintError)
        -> PDFRenderer.Output
    {
        try PDFRenderer.render(document(roster, meeting: meeting, masthead: masthead))
    }

    /// A delegation: its name in bold, its participants under it, indented like the HTML's.
    static func unit(_ delegation: Roster.Delegation, lead: [Block]) -> PrintedDocument.Unit {
        let mm = PrintedDocument.Measure.millimetre
        func name(_ suffix: String) -> Block {
            var h = HTMLWriter()
            h.raw("<b>")
            h.text(isolated(delegation.name) + suffix)
            h.raw("</b>")
            return Block(h, spaceBefore: 5 * mm)
        }
        let items = delegation.participants.map { p in
            var h = HTMLWriter()
            if let title = p.title { h.text("\(title) ") }
            h.text(isolated(p.name))
            if p.role == .head { h.append(PrintedDocument.span(" (Head of delegation)", size: 9.5)) }
            if let function = p.function {
                h.raw("\n<i>")
                h.text(isolated(function))
                h.raw("</i>")
            }
            return Block(h, .left(indent: 6 * mm), spaceBefore: 1.5 * mm)
        }
        return PrintedDocument.Unit(
            lead: lead, heading: name(""), continuedHeading: name(" (continued)"), items: items)
    }

    /// A name between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: the HTML's `<bdi>`, so a
    /// right-to-left name keeps its own direction without reordering the words around it.
    static func isolated(_ text: String) -> String { "\u{2068}\(text)\u{2069}" }
}
