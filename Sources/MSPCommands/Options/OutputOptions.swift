import ArgumentParser
import Foundation
import MSPDomain
import MSPWorkbook

/// Every format msp writes. A command offers some of them (`OutputFormats`).
enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, ndjson, markdown, html, pdf
    /// An Office Open XML workbook (Excel, LibreOffice).
    case xlsx

    /// Bytes for a viewer, not text: written to a file or a pipe, never to a terminal (a workbook is a ZIP archive:
    /// noise there, and bytes that can upset the terminal).
    var isBinary: Bool { self == .pdf || self == .xlsx }
}

/// The formats one family of commands offers; `--format` takes these and `--help` lists these only.
protocol OutputFormats {
    static var offered: [OutputFormat] { get }
}

/// Commands that print rows: `list-late`, `delegations`, `meeting list`, `history`...; each also as a workbook.
enum RowFormats: OutputFormats {
    static let offered: [OutputFormat] = [.table, .csv, .json, .ndjson, .xlsx]
}

/// The list of participants (`export-roster`).
enum RosterFormats: OutputFormats {
    static let offered: [OutputFormat] = [.table, .csv, .json, .markdown, .html, .pdf, .xlsx]
}

/// One summary for people or for machines: `stats`, `meeting show`, `treaty status`.
enum SummaryFormats: OutputFormats {
    static let offered: [OutputFormat] = [.table, .json]
}

/// `stats`: the figures for people or machines, or a page of charts to print.
enum StatisticsFormats: OutputFormats {
    static let offered: [OutputFormat] = [.table, .json, .html, .xlsx]
}

/// The credentials report, also a page to print.
enum CredentialsFormats: OutputFormats {
    static let offered: [OutputFormat] = [.table, .json, .html, .pdf, .xlsx]
}

/// A format a command offers, as `--format` parses it: anything else is a malformed command line.
struct FormatChoice<Formats: OutputFormats>: ExpressibleByArgument, Sendable {
    var format: OutputFormat

    init(_ format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Formats.offered.contains(format) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }
    static var allValueStrings: [String] { Formats.offered.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// The option's help; ArgumentParser adds the values offered and the default.
    static var help: String {
        Formats.offered.contains(.ndjson) ? "Output format (ndjson: one JSON object per line)." : "Output format."
    }
}

/// `--format` and `--output FILE`, declared once for every command that prints rows or a document.
struct OutputOptions<Formats: OutputFormats>: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp(FormatChoice<Formats>.help, valueName: "format"))
    var choice: FormatChoice<Formats> = FormatChoice(.table)

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(
        help: ArgumentHelp(
            "With --format csv: begin with a byte-order mark, so that Excel reads the text as UTF-8 (Côte d'Ivoire, not CÃ´te d'Ivoire).",
            visibility: Formats.offered.contains(.csv) ? .default : .hidden))
    var bom = false

    init() {}

    var format: OutputFormat { choice.format }

    func validate() throws {
        if bom && format != .csv {
            throw ValidationError("--bom: a byte-order mark is for --format csv only, not \(format.rawValue)")
        }
        if format.isBinary && !writesToFile && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError(
                "--format \(format.rawValue) writes a file, not text for a terminal: add --output FILE (or send it to a pipe)"
            )
        }
    }

    /// A file was named (not standard output).
    var writesToFile: Bool { output.map { $0 != "-" } ?? false }

    /// Writes the text to standard output or, whole, to the file.
    func write(_ text: String) throws {
        let written = bom ? Self.byteOrderMark + text : text
        try OutputTarget(path: output).write(written)
        confirm(bytes: written.utf8.count)
    }

    /// Writes text already encoded (the roster's CSV) to standard output or, whole, to the file, with the BOM
    /// when asked.
    func write(_ text: OutputBytes) throws {
        let written = bom ? Array(Self.byteOrderMark.utf8) + text.bytes : text.bytes
        try OutputTarget(path: output).write(written)
        confirm(bytes: written.count)
    }

    /// U+FEFF, written as UTF-8 (EF BB BF): how Excel knows a CSV file is UTF-8.
    static var byteOrderMark: String { "\u{FEFF}" }

    /// Writes a binary document (a PDF) to standard output or, whole, to the file.
    func write(_ bytes: [UInt8]) throws {
        try OutputTarget(path: output).write(bytes)
        confirm(bytes: bytes.count)
    }

    /// Writes a workbook to standard output or, whole, to the file.
    func write(_ workbook: Workbook) throws {
        let data = try workbook.data()
        try OutputTarget(path: output).write(data)
        confirm(bytes: data.count)
    }

    /// Every `--output` says what it wrote, on standard error (standard output stays clean for a pipe): one line,
    /// worded once, `confirmation`. Nothing is said when the document went to standard output.
    func confirm(bytes: Int) {
        guard let path = output, writesToFile else { return }
        FileHandle.standardError.write(Data((Self.confirmation(bytes: bytes, format: format, path: path) + "\n").utf8))
    }

    /// "Wrote 12345 bytes of html to roster.html."
    static func confirmation(bytes: Int, format: OutputFormat, path: String) -> String {
        "Wrote \(Counted.phrase(bytes, "byte")) of \(format.rawValue) to \(path)."
    }

    /// Writes the report in the format chosen: with `--format xlsx` its workbook, else its text.
    func write(_ text: @autoclosure () throws -> String, workbook: @autoclosure () throws -> Workbook) throws {
        guard format == .xlsx else { return try write(text()) }
        try write(workbook())
    }
}
