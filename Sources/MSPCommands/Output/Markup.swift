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
