import MSPApplication
import MSPDocuments
import MSPDomain
import MSPWorkbook

/// The credentials report as `msp credentials report --format json` writes it: for every registered State Party,
/// which of four lists it is in.
struct CredentialsDocument: Encodable, Equatable {
    struct MeetingRef: Encodable, Equatable {
        var code: String
        var title: String
    }

    var meeting: MeetingRef
    /// The masthead: symbol, distribution, date of issue, provisional, original language.
    var document: MastheadDocument?
    var statesPartiesRegistered: Int
    /// Formal credentials issued by the Head of State or Government or the Minister for Foreign Affairs.
    var original: [String]
    /// A copy or another communication.
    var copy: [String]
    /// Only a note verbale.
    var noteVerbale: [String]
    /// Nothing yet.
    var missing: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case meeting, document
        case statesPartiesRegistered = "states_parties_registered"
        case original, copy
        case noteVerbale = "note_verbale"
        case missing
    }

    init(_ report: CredentialsReport, meeting: Meeting) {
        self.meeting = MeetingRef(code: meeting.code, title: meeting.title)
        statesPartiesRegistered = report.statesPartiesCount
        original = report.original
        copy = report.copy
        noteVerbale = report.noteVerbale
        missing = report.missing
    }

    /// The four lists in the order the report shows them, each with its key (the HTML section's id) and title: the
    /// report's `sections`, worded once for every front end.
    var sections: [(key: CodingKeys, title: String, names: [String])] {
        CredentialsReport(original: original, copy: copy, noteVerbale: noteVerbale, missing: missing).sections.map {
            (CodingKeys(stringValue: $0.key)!, $0.title, $0.states)
        }
    }
}

/// `msp credentials report`: the four lists for people, as JSON, or as a page to print.
extension CredentialsDocument {
    static func write(
        _ report: CredentialsReport, meeting: Meeting, masthead: Masthead, to output: OutputOptions<CredentialsFormats>
    ) throws {
        var document = CredentialsDocument(report, meeting: meeting)
        document.document = MastheadDocument(masthead, kind: .credentials)
        switch output.format {
        case .json: try output.write(Writers.document(document))
        case .html: try output.write(html(document, meeting: meeting, masthead: masthead))
        case .pdf:
            let sections = document.sections.map { (title: $0.title, names: $0.names) }
            try output.write(
                PrintedOutput.pdf { () throws(PrintError) in
                    try CredentialsPDF.render(
                        sections, registered: document.statesPartiesRegistered, meeting: meeting, masthead: masthead)
                })
        case .xlsx: try output.write(workbook(report, meeting: meeting, masthead: masthead))
        default: try output.write(table(document))
        }
    }

    /// The report as one sheet: the masthead and title at the top, then under the header (`state`, `credentials`:
    /// the list's key, as JSON names it) each of the four lists as a heading row and its States, one row each.
    static func workbook(_ report: CredentialsReport, meeting: Meeting, masthead: Masthead) -> Workbook {
        let document = CredentialsDocument(report, meeting: meeting)
        var rows = WorkbookOutput.top(
            masthead, kind: .credentials, meeting: meeting, columns: 2,
            subtitle: "\(document.statesPartiesRegistered) registered States Parties")
        rows.append(.header(["state", "credentials"]))
        for section in document.sections {
            rows.append(MSPWorkbook.Row([.text("\(section.title) (\(section.names.count))")], style: .heading))
            for name in section.names { rows.append(MSPWorkbook.Row([.text(name), .text(section.key.stringValue)])) }
        }
        return Workbook(sheets: [Worksheet(name: "Credentials", rows: rows)])
    }

    static func table(_ document: CredentialsDocument) -> String {
        var out =
            "Credentials, \(document.meeting.code): \(document.statesPartiesRegistered) registered States Parties\n"
        for section in document.sections {
            out += "\n\(section.title) (\(section.names.count)):\n"
            out += section.names.isEmpty ? "  (none)\n" : section.names.map { "  \($0)\n" }.joined()
        }
        return out
    }

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

    static func html(_ document: CredentialsDocument, meeting: Meeting, masthead: Masthead) -> String {
        var h = HTMLWriter()
        MastheadHTML.write(masthead, to: &h)
        h.raw("<header>\n")
        h.element("h1", meeting.title)
        h.raw("\n")
        h.element("p", [meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", "))
        h.raw("\n<p><strong>")
        h.text(masthead.title(.credentials))
        h.raw("</strong> — ")
        h.text("\(document.statesPartiesRegistered) registered States Parties")
        h.raw("</p>\n</header>\n")
        for section in document.sections {
            h.open("section", ["id": section.key.stringValue])
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
