import MSPDomain

/// The list of participants as one self-contained HTML page (no external assets) that reads like a UN list of
/// participants: the meeting's title, venue and dates at the top; the five category headings; each delegation in
/// bold with its participants beneath (honorific and name, the function on the line below).
///
/// Printed on A4 (page numbers at the foot), a category heading is kept with its first delegation and a
/// delegation's name with its participants, so no heading is left alone at the foot of a page. Names in any script
/// (diacritics, Cyrillic, Arabic, Chinese) are isolated with `<bdi>`, so a right-to-left name keeps the honorific
/// before it and the line's left alignment; long names wrap rather than run off the page.
public enum RosterHTML {
    static let style = """
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

    public static func render(_ roster: Roster, meeting: Meeting) -> String {
        let e = HTML.escape
        var body = "<header>\n<h1>\(e(meeting.title))</h1>\n"
        if let venue = meeting.venue { body += "<p class=\"venue\">\(e(venue))</p>\n" }
        body += "<p class=\"dates\">\(e(meeting.datesDescription))</p>\n"
        body += "<p class=\"doc-title\">List of participants</p>\n</header>\n<main>\n"
        for group in roster.groups {
            body += "<section class=\"category\" id=\"\(group.category.rawValue)\">\n"
            let heading = "<h2>\(e(group.title))</h2>\n"
            guard let first = group.delegations.first else {
                body += "<div class=\"keep\">\n\(heading)<p class=\"none\">None.</p>\n</div>\n</section>\n"
                continue
            }
            body += "<div class=\"keep\">\n\(heading)\(delegation(first))</div>\n"
            for other in group.delegations.dropFirst() { body += delegation(other) }
            body += "</section>\n"
        }
        body += "</main>\n<footer>\(roster.delegationCount) delegations, \(roster.participantCount) participants</footer>\n"
        return HTML.page(title: "\(meeting.code): List of participants", style: style, body: body)
    }

    static func delegation(_ delegation: Roster.Delegation) -> String {
        let e = HTML.escape
        var out = "<div class=\"delegation\">\n<h3><bdi>\(e(delegation.name))</bdi></h3>\n"
        for p in delegation.participants {
            out += "<div class=\"participant\">"
            if let title = p.title { out += "\(e(title)) " }
            out += "<bdi class=\"name\">\(e(p.name))</bdi>"
            if p.role == .head { out += " <span class=\"head\">(Head of delegation)</span>" }
            if let function = p.function { out += "<span class=\"function\"><bdi>\(e(function))</bdi></span>" }
            out += "</div>\n"
        }
        return out + "</div>\n"
    }
}

extension HTML {
    /// A complete, self-contained HTML page: UTF-8, an inline style sheet, no external assets.
    static func page(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
