import MSPDomain
import MSPWorkbook

extension ReportRow {
    /// The columns that hold an instant written with its offset (`2017-08-19T00:30:00+02:00`): in a workbook, a
    /// date and time on that clock. By the project's naming, the keys that end in `_at` (`received_at`,
    /// `decided_at`, `first_note_at`...); a value there that is not such an instant stays text.
    static var dateColumns: Set<String> { Set(columns.filter { $0.hasSuffix("_at") }) }
}

/// `--format xlsx`: reports as workbooks (MSPWorkbook writes the file). Rows become a sheet whose header is the
/// row's keys, the same columns as CSV; documents (the list of participants, the credentials report) carry their
/// masthead and title above the header, as the HTML and Markdown do.
enum WorkbookOutput {
    /// Rows as one sheet: the keys as the header, each value typed (numbers as numbers, booleans as booleans, the
    /// row's date columns as dates), text as text.
    static func sheet<Row: ReportRow>(_ rows: [Row], name: String, above: [MSPWorkbook.Row] = []) throws -> Worksheet {
        let columns = Row.columns
        let dates = Row.dateColumns
        var sheetRows = above + [.header(columns)]
        sheetRows.reserveCapacity(sheetRows.count + rows.count)
        for row in rows {
            guard case .object(let fields) = try OutputEncoder.encode(row) else { throw WriterError.notARow }
            sheetRows.append(
                MSPWorkbook.Row(
                    try columns.map { key in
                        try cell(fields.first { $0.key == key }?.value ?? .null, isDate: dates.contains(key))
                    }))
        }
        return Worksheet(name: name, rows: sheetRows)
    }

    /// Rows as a workbook of one sheet.
    static func workbook<Row: ReportRow>(_ rows: [Row], name: String) throws -> Workbook {
        Workbook(sheets: [try sheet(rows, name: name)])
    }

    /// An encoded value as a cell: null empty, an array or object as compact JSON (as CSV writes them).
    static func cell(_ value: OutputValue, isDate: Bool = false) throws -> Cell {
        switch value {
        case .null: return .empty
        case .bool(let bool): return .boolean(bool)
        case .int(let int): return .integer(int)
        case .double(let double): return .number(double)
        case .string(let string): return isDate ? wallClock(string).map(Cell.dateTime) ?? .text(string) : .text(string)
        case .array, .object: return .text(try JSONOutput.compact(value))
        }
    }

    /// The wall-clock date and time of an instant as the other formats write it, `YYYY-MM-DDTHH:MM:SS` and its offset
    /// (`+02:00` or `Z`): the workbook shows what the CSV shows, without the offset. Nil for anything else.
    static func wallClock(_ text: String) -> WallClock? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), let date = LocalDate(iso: text.prefix(10)),
            let hour = Int(text.dropFirst(11).prefix(2)), let minute = Int(text.dropFirst(14).prefix(2)),
            let second = Int(text.dropFirst(17).prefix(2)), hour < 24, minute < 60, second < 60
        else { return nil }
        return WallClock(daysSinceEpoch: date.daysSinceEpoch, secondOfDay: hour * 3600 + minute * 60 + second)
    }

    /// A calendar day as a date cell.
    static func date(_ day: LocalDate) -> Cell {
        .date(WallClock(daysSinceEpoch: day.daysSinceEpoch, secondOfDay: 0))
    }

    /// What a document prints above its table: the masthead (the symbol, then distribution, date of issue and
    /// original language, in the last column, as the HTML prints them top right), then the meeting's title, venue and
    /// dates, and the document's title; a blank row after each block.
    static func top(_ masthead: Masthead, kind: DocumentKind, meeting: Meeting, columns: Int, subtitle: String? = nil)
        -> [MSPWorkbook.Row]
    {
        var rows: [MSPWorkbook.Row] = []
        let right = [Cell](repeating: .empty, count: max(columns - 1, 0))
        if masthead.symbol != nil || masthead.issued != nil {
            if let symbol = masthead.symbol { rows.append(MSPWorkbook.Row(right + [.text(symbol)], style: .title)) }
            for line in masthead.lines { rows.append(MSPWorkbook.Row(right + [.text(line)], style: .note)) }
            rows.append(MSPWorkbook.Row([]))
        }
        rows.append(MSPWorkbook.Row([.text(meeting.title)], style: .title))
        let place = [meeting.venue, meeting.datesDescription].compactMap { $0 }.joined(separator: ", ")
        rows.append(MSPWorkbook.Row([.text(place)], style: .note))
        rows.append(
            MSPWorkbook.Row([.text(masthead.title(kind) + (subtitle.map { " — \($0)" } ?? ""))], style: .heading))
        rows.append(MSPWorkbook.Row([]))
        return rows
    }
}
