import Foundation
import MSPDomain

/// The meeting's figures as one self-contained page to print on A4 (`msp stats --format html`): four small charts
/// drawn as inline SVG by this code, each with its figures in words beside it, and no script or external asset.
///
/// The charts are hand-written SVG: a chart here is a few rectangles, lines and labels, and no package available to
/// msp draws SVG (a plotting library would bring a JavaScript runtime or a graphics stack for four bar charts). Every
/// label goes through `HTMLWriter`, which escapes it.
package enum StatisticsHTML {
    package static let style: StaticString = """
        @page { size: A4; margin: 16mm 16mm 18mm 16mm; }
        body { font-family: "Liberation Sans", "DejaVu Sans", "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.35;
               max-width: 178mm; margin: 0 auto; padding: 10mm 0; color: #111; }
        @media print { body { padding: 0; max-width: none; } }
        header { text-align: center; margin-bottom: 6mm; }
        header h1 { font-size: 13pt; margin: 0 0 2mm 0; }
        header p { margin: 0.5mm 0; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 8mm; }
        figure { margin: 0; break-inside: avoid; }
        figure.wide { grid-column: 1 / -1; }
        figcaption { font-weight: bold; margin-bottom: 1.5mm; }
        figure p { margin: 1mm 0 0 0; font-size: 9pt; }
        svg { width: 100%; height: auto; display: block; }
        svg text { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 11px; fill: #111; }
        svg .muted { fill: #555; }
        .legend span { display: inline-block; margin-right: 4mm; }
        .swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: -0.3mm; }
        .s0 { background: #1f3a5f; } .s1 { background: #d9822b; } .s2 { background: #7a9e3a; } .s3 { background: #bbbbbb; }
        footer { margin-top: 6mm; font-size: 8.5pt; text-align: center; color: #444; }
        """

    /// The colours of the charts' series, as the legend's swatches (`.s0` ...) show them.
    static let colours = ["#1f3a5f", "#d9822b", "#7a9e3a", "#bbbbbb"]

    /// The whole page.
    package static func render(_ stats: MeetingStatistics, meeting: Meeting) -> String {
        var h = HTMLWriter()
        h.raw("<header>\n")
        h.element("h1", meeting.title)
        h.raw("\n")
        h.element("p", [meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", "))
        h.raw("\n")
        h.element(
            "p",
            "Registration figures: \(count(stats.delegations, "delegation")), \(count(stats.participants, "participant"))"
        )
        h.raw("\n</header>\n<div class=\"charts\">\n")
        participantsByCategory(stats, to: &h)
        statesParties(stats, meeting: meeting, to: &h)
        genderByCategory(stats, to: &h)
        notesByDay(stats, meeting: meeting, to: &h)
        h.raw("</div>\n")
        h.element(
            "footer",
            "Counted from the list of participants (withdrawn delegations left out) and every note received; msp stats."
        )
        h.raw("\n")
        return HTML.page(
            title: "\(meeting.code): Registration figures", styles: [style], body: h)
    }

    // MARK: - The four charts

    /// Horizontal bars: participants of each category, with the delegations in words.
    static func participantsByCategory(_ stats: MeetingStatistics, to h: inout HTMLWriter) {
        h.raw("<figure id=\"participants-by-category\">\n")
        h.element("figcaption", "Participants by category")
        h.raw("\n")
        let rows = Category.allCases.map { ($0.title, stats.participantsByCategory[$0] ?? 0) }
        let top = max(rows.map(\.1).max() ?? 0, 1)
        let (labelWidth, barWidth, rowHeight) = (140.0, 120.0, 22.0)
        var svg = SVG(width: labelWidth + barWidth + 36, height: rowHeight * Double(rows.count) + 4)
        svg.label("Participants by category")
        for (index, (title, count)) in rows.enumerated() {
            let y = Double(index) * rowHeight + 2
            svg.text(title, x: 0, y: y + 15)
            let width = barWidth * Double(count) / Double(top)
            svg.rect(x: labelWidth, y: y + 3, width: width, height: rowHeight - 8, colour: colours[0])
            svg.text(String(count), x: labelWidth + width + 4, y: y + 15)
        }
        h.append(svg.markup)
        h.element(
            "p",
            Category.allCases.map { "\($0.title): \(count(stats.delegationsByCategory[$0] ?? 0, "delegation"))" }
                .joined(separator: "; ") + ".")
        h.raw("\n</figure>\n")
    }

    /// One bar: the States Parties registered out of the Convention's States Parties on the opening day.
    static func statesParties(_ stats: MeetingStatistics, meeting: Meeting, to h: inout HTMLWriter) {
        h.raw("<figure id=\"states-parties\">\n")
        h.element("figcaption", "States Parties registered")
        h.raw("\n")
        let total = max(stats.statesPartiesTotal, 1)
        let registered = min(stats.statesPartiesRegistered, total)
        let width = 330.0
        var svg = SVG(width: width + 40, height: 64)
        svg.label("States Parties registered: \(stats.statesPartiesDescription)")
        let filled = width * Double(registered) / Double(total)
        svg.rect(x: 0, y: 8, width: filled, height: 26, colour: colours[0])
        svg.rect(x: filled, y: 8, width: width - filled, height: 26, colour: colours[3])
        svg.text("\(registered) registered", x: 0, y: 52)
        svg.text("\(stats.statesPartiesTotal - registered) not yet", x: width, y: 52, anchor: "end")
        h.append(svg.markup)
        let share = stats.statesPartiesTotal == 0 ? 0 : Int((Double(registered) * 100 / Double(total)).rounded())
        h.element(
            "p",
            "\(stats.statesPartiesDescription) States Parties (\(share)%), of the \(meeting.convention)'s States Parties on \(meeting.opens.longDescription)."
        )
        h.raw("\n</figure>\n")
    }

    /// Stacked bars, one per category, each 100%: the shares of women, men, other and not said.
    static func genderByCategory(_ stats: MeetingStatistics, to h: inout HTMLWriter) {
        h.raw("<figure id=\"gender-by-category\" class=\"wide\">\n")
        h.element("figcaption", "Gender balance by category")
        h.raw("\n")
        // Each series' legend, and the noun its count takes in words ("1 woman", "3 women").
        let genders: [(String, Gender?)] = [("women", .female), ("men", .male), ("other", .other), ("not said", nil)]
        let nouns: [Gender?: String] = [.female: "woman", .male: "man"]
        let (labelWidth, barWidth, rowHeight) = (160.0, 420.0, 22.0)
        var svg = SVG(width: labelWidth + barWidth + 10, height: rowHeight * Double(Category.allCases.count) + 4)
        svg.label("Gender balance by category")
        var lines: [String] = []
        for (index, category) in Category.allCases.enumerated() {
            let counts = stats.participantsByCategoryAndGender[category] ?? [:]
            let total = counts.values.reduce(0, +)
            let y = Double(index) * rowHeight + 2
            svg.text(category.title, x: 0, y: y + 15)
            guard total > 0 else {
                svg.text("no participants", x: labelWidth, y: y + 15, muted: true)
                continue
            }
            var x = labelWidth
            var parts: [String] = []
            for (series, (name, gender)) in genders.enumerated() {
                let count = counts[gender] ?? 0
                let width = barWidth * Double(count) / Double(total)
                svg.rect(x: x, y: y + 3, width: width, height: rowHeight - 8, colour: colours[series])
                x += width
                if count > 0 {
                    let counted = nouns[gender].map { Counted.phrase(count, $0) } ?? "\(count) \(name)"
                    parts.append("\(counted) (\(Int((Double(count) * 100 / Double(total)).rounded()))%)")
                }
            }
            lines.append("\(category.title): " + parts.joined(separator: ", "))
        }
        h.append(svg.markup)
        legend(genders.map(\.0), to: &h)
        if !lines.isEmpty {
            h.element("p", lines.joined(separator: "; ") + ".")
            h.raw("\n")
        }
        h.raw("</figure>\n")
    }

    /// Vertical bars: notes received each day at the venue, the late notes stacked on top (as every figure counts
    /// them: `MeetingStatistics.isLate`), and the deadline as a line.
    static func notesByDay(_ stats: MeetingStatistics, meeting: Meeting, to h: inout HTMLWriter) {
        h.raw("<figure id=\"notes-by-day\" class=\"wide\">\n")
        h.element("figcaption", "Notes received by day, against the deadline")
        h.raw("\n")
        let deadlineDay = meeting.timeZone.localDate(of: meeting.deadline.closesAt)
        guard let first = stats.notesByDay.first?.day, let last = stats.notesByDay.last?.day else {
            h.element("p", "No note has been received.")
            h.raw("\n</figure>\n")
            return
        }
        // Every day from the first note (or the deadline) to the last, so that gaps show.
        let start = min(first, deadlineDay)
        let end = max(last, deadlineDay)
        let dayCount = end.daysSinceEpoch - start.daysSinceEpoch + 1
        let counts = Dictionary(uniqueKeysWithValues: stats.notesByDay.map { ($0.day, $0) })
        let top = max(stats.notesByDay.map { $0.others + $0.late }.max() ?? 0, 1)
        let (left, plotWidth, plotHeight, bottom) = (28.0, 560.0, 120.0, 34.0)
        let slot = plotWidth / Double(dayCount)
        var svg = SVG(width: left + plotWidth + 24, height: plotHeight + bottom + 8)
        svg.label("Notes received by day, against the deadline")
        svg.text(String(top), x: left - 4, y: 12, anchor: "end", muted: true)
        svg.text("0", x: left - 4, y: plotHeight + 4, anchor: "end", muted: true)
        svg.line(x1: left, y1: plotHeight, x2: left + plotWidth, y2: plotHeight, colour: "#888888")
        let labelled = dayLabels(
            dayCount: dayCount, deadline: deadlineDay.daysSinceEpoch - start.daysSinceEpoch, slot: slot)
        for offset in 0..<dayCount {
            let day = start.adding(days: offset)
            let x = left + Double(offset) * slot
            let count = counts[day]
            let others = plotHeight * Double(count?.others ?? 0) / Double(top)
            let late = plotHeight * Double(count?.late ?? 0) / Double(top)
            let width = max(slot * 0.7, 1)
            svg.rect(
                x: x + (slot - width) / 2, y: plotHeight - others, width: width, height: others, colour: colours[0])
            svg.rect(
                x: x + (slot - width) / 2, y: plotHeight - others - late, width: width, height: late, colour: colours[1]
            )
            if labelled.contains(offset) {
                svg.text("\(day.day) \(day.monthName.prefix(3))", x: x + slot / 2, y: plotHeight + 14, anchor: "middle")
            }
        }
        let deadlineX = left + (Double(deadlineDay.daysSinceEpoch - start.daysSinceEpoch) + 1) * slot
        svg.line(x1: deadlineX, y1: 0, x2: deadlineX, y2: plotHeight + 20, colour: "#b00020", dashed: true)
        svg.text("deadline", x: deadlineX, y: plotHeight + 30, anchor: "middle")
        h.append(svg.markup)
        legend(["other notes", "late notes"], to: &h)
        h.element(
            "p",
            "\(count(stats.notes, "note")) from \(first.longDescription) to \(last.longDescription), of which \(count(stats.lateNotes, "late note")): \(MeetingStatistics.lateNoteDefinition) (\(meeting.deadlineDescription))."
        )
        h.raw("\n</figure>\n")
    }

    /// The width a day's label ("18 Aug") takes under the chart, with room on either side, in the SVG's units.
    static let dayLabelWidth = 44.0

    /// The days labelled under the chart (offsets from its first day): about eight, the deadline's first, then the
    /// first and the last day, then every few days; a label that would overprint one already placed is left out.
    static func dayLabels(dayCount: Int, deadline: Int, slot: Double) -> Set<Int> {
        let every = max(1, Int((Double(dayCount) / 8).rounded(.up)))
        let candidates = [deadline, 0, dayCount - 1] + stride(from: 0, to: dayCount, by: every)
        var chosen: [Int] = []
        for offset in candidates where (0..<dayCount).contains(offset) {
            if chosen.allSatisfy({ Double(abs($0 - offset)) * slot >= dayLabelWidth }) { chosen.append(offset) }
        }
        return Set(chosen)
    }

    /// "1 delegation", "4 delegations".
    static func count(_ number: Int, _ noun: String) -> String { Counted.phrase(number, noun) }

    static func legend(_ names: [String], to h: inout HTMLWriter) {
        h.raw("<p class=\"legend\">")
        for (index, name) in names.enumerated() {
            h.raw("<span>")
            h.element("span", ["class": "swatch s\(index)"], "")
            h.text(name)
            h.raw("</span>")
        }
        h.raw("</p>\n")
    }
}

/// A small SVG drawing written through `HTMLWriter`: numbers formatted here, every label escaped.
struct SVG {
    private(set) var writer = HTMLWriter()

    init(width: Double, height: Double) {
        // Inline in HTML: the parser puts it in SVG's namespace, no xmlns needed.
        writer.raw("<svg role=\"img\"")
        writer.raw(" viewBox=\"0 0 ")
        writer.text("\(Self.number(width)) \(Self.number(height))")
        writer.raw("\">")
    }

    /// The drawing's accessible name.
    mutating func label(_ text: String) {
        writer.element("title", text)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, colour: String) {
        guard width > 0, height > 0 else { return }
        writer.raw("<rect")
        attribute("x", x)
        attribute("y", y)
        attribute("width", width)
        attribute("height", height)
        writer.raw(" fill=\"")
        writer.text(colour)
        writer.raw("\"/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, colour: String, dashed: Bool = false) {
        writer.raw("<line")
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        writer.raw(" stroke=\"")
        writer.text(colour)
        writer.raw(dashed ? "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>" : "\" stroke-width=\"1\"/>")
    }

    /// `anchor`: `start`, `middle` or `end`.
    mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start", muted: Bool = false) {
        writer.raw("<text")
        attribute("x", x)
        attribute("y", y)
        writer.raw(" text-anchor=\"")
        writer.text(anchor)
        writer.raw(muted ? "\" class=\"muted\">" : "\">")
        writer.text(text)
        writer.raw("</text>")
    }

    private mutating func attribute(_ name: StaticString, _ value: Double) {
        writer.raw(" ")
        writer.raw(name)
        writer.raw("=\"")
        writer.text(Self.number(value))
        writer.raw("\"")
    }

    /// At most one decimal, no exponent: "12", "12.5".
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// The finished drawing.
    var markup: HTMLWriter {
        var copy = writer
        copy.raw("</svg>\n")
        return copy
    }
}
