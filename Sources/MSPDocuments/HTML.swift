/// An HTML document built piece by piece. Markup can only be a literal in msp's source (`StaticString`); every
/// `String` (a name, a title, an attribute's value) goes through `HTML.escape`, so text never becomes markup.
package struct HTMLWriter: Sendable {
    package private(set) var markup = ""

    package init() {}

    /// Literal markup from msp's source.
    package mutating func raw(_ literal: StaticString) {
        markup += literal.description
    }

    /// Text, escaped.
    package mutating func text(_ text: String) {
        markup += HTML.escape(text)
    }

    /// `<tag a="v">`, the values escaped.
    package mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        markup += "<\(tag)"
        for (name, value) in attributes { markup += " \(name)=\"\(HTML.escape(value))\"" }
        markup += ">"
    }

    package mutating func close(_ tag: StaticString) {
        markup += "</\(tag)>"
    }

    /// `<tag a="v">text</tag>`, the text and values escaped.
    package mutating func element(
        _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], _ text: String
    ) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// `<tag>text</tag>`, the text escaped.
    package mutating func element(_ tag: StaticString, _ text: String) {
        element(tag, [:], text)
    }

    /// Another writer's markup (built the same way, so already escaped).
    package mutating func append(_ other: HTMLWriter) {
        markup += other.markup
    }
}

/// HTML escaping for text and attribute values.
package enum HTML {
    package static func escape(_ text: String) -> String {
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

    /// Style sheets from msp's source, as one.
    package static func styleSheet(_ styles: [StaticString]) -> String {
        styles.map(\.description).joined(separator: "\n")
    }

    /// A complete, self-contained HTML page: UTF-8, an inline style sheet, no external assets.
    package static func page(title: String, styles: [StaticString], body: HTMLWriter) -> String {
        let style = styleSheet(styles)
        return """
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
