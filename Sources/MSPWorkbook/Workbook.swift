/// A spreadsheet workbook: named sheets of rows of typed cells, written as an Office Open XML file (`.xlsx`) by
/// `data()`.
///
/// What a reader of the file gets: each sheet's header row bold, the panes frozen below it, column widths fitted to
/// the content, numbers as numbers, dates as dates (a serial number with a date format), and text as text, never a
/// formula, whatever it starts with.
package struct Workbook: Sendable, Equatable {
    package var sheets: [Worksheet]

    package init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}

/// One sheet: its rows from the top, each with a style.
package struct Worksheet: Sendable, Equatable {
    /// The tab's name; `Workbook.data()` makes it one Excel accepts (at most 31 characters, none of `[]:*?/\`,
    /// unique in the workbook).
    package var name: String
    package var rows: [Row]

    package init(name: String, rows: [Row] = []) {
        self.name = name
        self.rows = rows
    }

    /// How many rows stay in view when the rest scrolls: every row down to the (last) header row; none when there
    /// is no header row.
    package var frozenRows: Int {
        rows.lastIndex { $0.style == .header }.map { $0 + 1 } ?? 0
    }
}

/// A row of cells, from column A.
package struct Row: Sendable, Equatable {
    /// How a row looks, and whether its cells count when the columns are fitted to their content.
    package enum Style: Sendable, Equatable {
        /// Data.
        case plain
        /// The column names: bold, a rule under it; the panes are frozen below the last one.
        case header
        /// A heading inside the data (a category of the list of participants): bold, and left out of the column
        /// widths, since it runs on into the empty cells beside it.
        case heading
        /// A document's title lines above the table: large and bold, left out of the column widths.
        case title
        /// A document's masthead lines (distribution, date of issue): plain, left out of the column widths.
        case note
    }

    package var cells: [Cell]
    package var style: Style

    package init(_ cells: [Cell], style: Style = .plain) {
        self.cells = cells
        self.style = style
    }

    /// A header row of column names.
    package static func header(_ names: [String]) -> Row {
        Row(names.map(Cell.text), style: .header)
    }

    /// Whether the row's cells count when the columns are fitted to their content.
    var fitsColumns: Bool { style == .plain || style == .header }
}

/// A cell's value, which decides how it is stored: text in the shared-string table (never a formula), numbers and
/// dates as numbers.
package enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case integer(Int)
    case number(Double)
    /// A fraction shown as a percentage (0.25 as 25%).
    case percent(Double)
    case boolean(Bool)
    /// A wall-clock date and time (the meeting's), shown as `yyyy-mm-dd hh:mm:ss`.
    case dateTime(WallClock)
    /// A calendar day, shown as `yyyy-mm-dd` (its time of day is not shown).
    case date(WallClock)
}

/// A date and time on the wall clock of some place, to the second, as a spreadsheet stores it: without a time zone.
package struct WallClock: Sendable, Equatable {
    /// Days from 1970-01-01 (negative before).
    package var daysSinceEpoch: Int
    /// 0 ..< 86400.
    package var secondOfDay: Int

    package init(daysSinceEpoch: Int, secondOfDay: Int) {
        self.daysSinceEpoch = daysSinceEpoch
        self.secondOfDay = secondOfDay
    }

    /// The spreadsheet's serial number: days since 1899-12-30 (Excel's 1900 date system, as LibreOffice reads it
    /// too), the time of day as the fraction.
    package var serial: Double {
        // 1970-01-01 is day 25569 of the 1900 date system.
        Double(daysSinceEpoch + 25569) + Double(secondOfDay) / 86400
    }
}
