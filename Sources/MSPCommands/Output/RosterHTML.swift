import MSPDomain

/// The list of participants as one self-contained HTML page (no external assets) that reads like a UN list of
/// participants: title, venue and dates at the top; the five category headings; each delegation in bold with
/// its participants beneath. Printed on A4, a heading is never left alone at the foot of a page.
public enum RosterHTML {
    static let style = """
        @page { size: A4; margin: 20mm 18mm 22mm 18mm; }
        :root { color-scheme: light; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif", "Noto Serif CJK SC",
               "Noto Naskh Arabic", serif; font-size: 11pt; line-height: 1.35; color: #000; background: #fff;
               max-width: 190mm; margin: 0 auto; padding: 12mm 0; }
        header { text-align: center; margin-bottom: 10mm; }
        header h1 { font-size: 14pt; font-weight: bold; margin: 0 0 2mm 0; }
        header p { margin: 0.5mm 0; }
        header .doc-title { font-size: 13pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; margin-top: 5mm; }
        section.category { margin-top: 8mm; }
        section.category > h2 { font-size: 12pt; font-weight: bold; text-transform: uppercase; text-align: center;
               border-bottom: 0.4pt solid #000; padding-bottom: 1mm; margin: 0 0 4mm 0;
               break-after: avoid; page-break-after: avoid; }
        .delegations { columns: 2; column-gap: 10mm; }
        .delegation { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm 0; }
        .delegation h3 { font-size: 11pt; font-weight: bold; margin: 0 0 1mm 0; break-after: avoid; page-break-after: avoid; }
        .delegation ul { list-style: none; margin: 0; padding: 0; }
        .delegation li { margin: 0 0 1mm 0; padding-left: 4mm; text-indent: -4mm; overflow-wrap: anywhere; }
        .function { font-style: italic; }
        .role { font-size: 9pt; color: #333; }
        .none { font-style: italic; color: #444; }
        footer { margin-top: 10mm; font-size: 9pt; text-align: center; color: #333; }
        @media print { body { padding: 0; max-width: none; } }
        """

    public static func render(_ roster: Roster, meeting: Meeting) -> String {
        let e = HTML.escape
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(meeting.code)): List of participants</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(meeting.title))</h1>

            """
        if let venue = meeting.venue { out += "<p class=\"venue\">\(e(venue))</p>\n" }
        out += "<p class=\"dates\">\(e(meeting.datesDescription))</p>\n"
        out += "<p class=\"doc-title\">List of participants</p>\n</header>\n<main>\n"
        for group in roster.groups {
            out += "<section class=\"category\" id=\"\(group.category.rawValue)\">\n<h2>\(e(group.title))</h2>\n"
            if group.delegations.isEmpty {
                out += "<p class=\"none\">None.</p>\n</section>\n"
                continue
            }
            out += "<div class=\"delegations\">\n"
            for delegation in group.delegations {
                out += "<div class=\"delegation\">\n<h3 dir=\"auto\">\(e(delegation.name))</h3>\n<ul>\n"
                for p in delegation.participants {
                    out += "<li><span class=\"name\" dir=\"auto\">\(e(p.displayName))</span>"
                    if let function = p.function { out += ", <span class=\"function\" dir=\"auto\">\(e(function))</span>" }
                    if p.role == .head { out += " <span class=\"role\">(Head of delegation)</span>" }
                    out += "</li>\n"
                }
                out += "</ul>\n</div>\n"
            }
            out += "</div>\n</section>\n"
        }
        out += "</main>\n<footer>\(roster.delegationCount) delegations, \(roster.participantCount) participants</footer>\n</body>\n</html>\n"
        return out
    }
}
