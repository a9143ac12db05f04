/// An HTML document built piece by piece. Markup can only be a literal in msp's source (`StaticString`); every
/// `String` (a name, a title, an attribute's value) goes through `HTML.escape`, so text never becomes markup.
struct HTMLWriter {
    private(set) var markup = ""

    init() {}

    /// Literal markup from msp's source.
    mutating func raw(_ literal: StaticString) {
        markup += literal.description
    }

    /// Text, escaped.
    mutating func text(_ text: String) {
        markup += HTML.escape(text)
    }

    /// `<tag a="v">`, the values escaped.
    mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        markup += "<\(tag)"
        for (name, value) in attributes { markup += " \(name)=\"\(HTML.escape(value))\"" }
        markup += ">"
    }

    mutating func close(_ tag: StaticString) {
        markup += "</\(tag)>"
    }

    /// `<tag a="v">text</tag>`, the text and values escaped.
    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], _ text: String)
    {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// `<tag>text</tag>`, the text escaped.
    mutating func element(_ tag: StaticString, _ text: String) {
        element(tag, [:], text)
    }

    /// Another writer's markup (built the same way, so already escaped).
    mutating func append(_ other: HTMLWriter) {
        markup += other.markup
    }
}

/// HTML escaping for text and attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }

    /// A complete, self-contained HTML page: UTF-8, an inline style sheet, no external assets.
    static func page(title: String, style: StaticString, body: HTMLWriter) -> String {
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
        \(body.markup)</body>
        </html>

        """
    }
}

/// A Markdown document built piece by piece: text is escaped (every character Markdown could read as markup gets
/// a backslash), markup is a literal in msp's source.
struct MarkdownWriter {
    private(set) var text = ""

    init() {}

    /// Literal Markdown from msp's source.
    mutating func raw(_ literal: StaticString) {
        text += literal.description
    }

    /// `# text` (as many `#` as `level`), then a line break.
    mutating func heading(_ level: Int, _ line: String) {
        text += String(repeating: "#", count: level) + " " + Self.escape(line) + "\n"
    }

    /// A line of text.
    mutating func line(_ line: String) {
        text += Self.escape(line) + "\n"
    }

    /// `**text**` on its own line.
    mutating func strong(_ line: String) {
        text += "**" + Self.escape(line) + "**\n"
    }

    /// `- text`.
    mutating func bullet(_ line: String) {
        text += "- " + Self.escape(line) + "\n"
    }

    mutating func blankLine() {
        text += "\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            if "\\`*_{}[]<>()#+-.!|".contains(char) { out.append("\\") }
            out.append(char)
        }
        return out
    }
}
