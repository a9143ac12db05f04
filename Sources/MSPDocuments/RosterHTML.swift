import MSPDomain

/// The list of participants as one self-contained HTML page (no external assets) that reads like a UN list of
/// participants: the meeting's title, venue and dates at the top; the five category headings; each delegation in
/// bold with its participants beneath (honorific and name, the function on the line below).
///
/// Printed on A4 (page numbers at the foot), a category heading is kept with its first delegation and a
/// delegation's name with its participants, so no heading is left alone at the foot of a page. Names in any script
/// (diacritics, Cyrillic, Arabic, Chinese) are isolated with `<bdi>`, so a right-to-left name keeps the honorific
/// before it and the line's left alignment; long names wrap rather than run off the page.
///
/// `msp export-roster --format html` writes `render`'s page, its style sheet inline; the portal shows `body` inside
/// its own page and serves `style` as a file (its Content-Security-Policy allows no inline style).
package enum RosterHTML {
    package static let style: StaticString = """
        @page { size: A4; margin: 20mm 20mm 22mm 20mm;
                @bottom-center { content: counter(page) " / " counter(pages); font: 9pt "Liberation Serif", "DejaVu Serif", serif; } }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif", "Noto Naskh Arabic",
               "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.3;
               max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
        header { text-align: center; margin-bottom: 9mm; break-after: avoid; }
        header h1 { font-size: 14pt; margin: 0 0 3mm 0; }
        header p { margin: 0.5mm 0; }
        header .doc-title { font-size: 13pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.06em; margin-top: 6mm; }
        section.category { margin-top: 9mm; }
        section.category h2 { font-size: 12pt; text-transform: uppercase; text-align: center; letter-spacing: 0.04em;
               margin: 0 0 5mm 0; padding-bottom: 1mm; border-bottom: 0.5pt solid #000; break-after: avoid; }
        /* A heading travels with the first delegation under it. */
        .keep { break-inside: avoid; }
        .delegation { break-inside: avoid; margin: 0 0 5mm 0; }
        .delegation h3 { font-size: 11pt; font-weight: bold; margin: 0 0 1.5mm 0; break-after: avoid; }
        .participant { margin: 0 0 1.5mm 6mm; overflow-wrap: anywhere; }
        .participant .function { display: block; font-style: italic; }
        .participant .head { font-size: 9.5pt; }
        .none { font-style: italic; text-align: center; }
        footer { margin-top: 10mm; font-size: 9pt; text-align: center; }
        @media print { body { padding: 0; max-width: none; } }
        """

    /// Every style sheet the page uses: its own and the masthead's.
    package static let styles = [style, MastheadHTML.style]

    /// The styles as one sheet, as the portal serves it.
    package static var styleSheet: String { HTML.styleSheet(styles) }

    /// The whole page, self-contained.
    package static func render(_ roster: Roster, meeting: Meeting, masthead: Masthead = .unset) -> String {
        HTML.page(
            title: title(meeting, masthead: masthead), styles: styles,
            body: body(roster, meeting: meeting, masthead: masthead))
    }

    /// "7MSP: Provisional list of participants", with the symbol when there is one.
    package static func title(_ meeting: Meeting, masthead: Masthead = .unset) -> String {
        MastheadHTML.documentTitle(.participants, meeting: meeting, masthead: masthead)
    }

    /// The page's body: the masthead, the heading, the five categories and the counts.
    package static func body(_ roster: Roster, meeting: Meeting, masthead: Masthead = .unset) -> HTMLWriter {
        var h = HTMLWriter()
        MastheadHTML.write(masthead, to: &h)
        h.raw("<header>\n")
        h.element("h1", meeting.title)
        h.raw("\n")
        if let venue = meeting.venue {
            h.element("p", ["class": "venue"], venue)
            h.raw("\n")
        }
        h.element("p", ["class": "dates"], meeting.datesDescription)
        h.raw("\n")
        h.element("p", ["class": "doc-title"], masthead.title(.participants))
        h.raw("\n</header>\n<main>\n")
        for group in roster.groups {
            h.open("section", ["class": "category", "id": group.category.rawValue])
            h.raw("\n<div class=\"keep\">\n")
            h.element("h2", group.title)
            h.raw("\n")
            guard let first = group.delegations.first else {
                h.raw("<p class=\"none\">None.</p>\n</div>\n</section>\n")
                continue
            }
            delegation(first, to: &h)
            h.raw("</div>\n")
            for other in group.delegations.dropFirst() { delegation(other, to: &h) }
            h.raw("</section>\n")
        }
        h.raw("</main>\n")
        h.element("footer", "\(roster.delegationCount) delegations, \(roster.participantCount) participants")
        h.raw("\n")
        return h
    }

    static func delegation(_ delegation: Roster.Delegation, to h: inout HTMLWriter) {
        h.raw("<div class=\"delegation\">\n<h3>")
        h.element("bdi", delegation.name)
        h.raw("</h3>\n")
        for p in delegation.participants {
            h.open("div", ["class": "participant"])
            if let title = p.title { h.text("\(title) ") }
            h.element("bdi", ["class": "name"], p.name)
            if p.role == .head { h.raw(" <span class=\"head\">(Head of delegation)</span>") }
            if let function = p.function {
                h.open("span", ["class": "function"])
                h.element("bdi", function)
                h.close("span")
            }
            h.raw("</div>\n")
        }
        h.raw("</div>\n")
    }
}
