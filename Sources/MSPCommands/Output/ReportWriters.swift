/// A row of a report that prints rows (`list-late`, `meeting list`, `history`...): one `Encodable` type whose
/// `CodingKeys` are its keys, in order. The same keys head the CSV and table columns and name the JSON fields.
protocol ReportRow: Encodable {
    associatedtype CodingKeys: CodingKey & CaseIterable

    /// The columns that are instants; see `WorkbookOutput`.
    static var dateColumns: Set<String> { get }
}

extension ReportRow {
    /// The row's keys in declaration order: the CSV header.
    static var columns: [String] { CodingKeys.allCases.map(\.stringValue) }
}

/// The writers for any report row or document: each escapes by construction (CSV quoting and formula
/// neutralizing, JSON escaping), so a report only says what its values are.
enum Writers {
    /// Rows as a table (their keys as the header), CSV, a JSON array or NDJSON.
    static func rows<Row: ReportRow>(_ rows: [Row], as format: OutputFormat) throws -> String {
        let values = try rows.map { try OutputEncoder.encode($0) }
        switch format {
        case .table: return try TextTable.render(columns: Row.columns, values: values)
        case .csv: return try CSVOutput.render(columns: Row.columns, values: values)
        case .json: return try JSONOutput.render(OutputValue.array(values))
        case .ndjson: return try JSONOutput.renderLines(values)
        case .markdown, .html, .pdf, .xlsx: throw WriterError.unsupported(format)
        }
    }

    /// A document (one object) as JSON.
    static func document<Document: Encodable>(_ document: Document) throws -> String {
        try JSONOutput.render(document)
    }
}

enum WriterError: Error, CustomStringConvertible {
    case notARow
    case unsupported(OutputFormat)

    var description: String {
        switch self {
        case .notARow: return "a row that is not an object cannot be written as a table or CSV"
        case .unsupported(let format): return "rows cannot be written as \(format.rawValue)"
        }
    }
}

extension OutputValue {
    /// The value as a table or CSV cell: text as is, null as nothing, numbers and booleans as JSON writes them,
    /// an array or object as compact JSON.
    func cell() throws -> String {
        switch self {
        case .null: return ""
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .double(let double): return try JSONOutput.number(double)
        case .string(let string): return string
        case .array, .object: return try JSONOutput.compact(self)
        }
    }
}
