/// A Markdown document built piece by piece: text is escaped where a renderer would read it as markup (`escape`),
/// markup is a literal in msp's source.
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

    /// The text as Markdown that renders as the text, escaping only what a CommonMark (or GitHub) renderer would
    /// read as markup, so that "H.E. Mr. Jean-Pierre (Head of delegation)" stays as people write it:
    /// - anywhere: `\\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `&` (entities), `~` and `|` (GitHub's strike-through and
    ///   tables);
    /// - at the start of the text, which starts its line: `#`, `>`, `-`, `+`, `=` (headings, quotes, lists, rules),
    ///   and the `.` or `)` after leading digits (an ordered list: "1. ");
    /// - a closing run of `#` at the end (a heading's closing sequence).
    static func escape(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let leadingDigits = characters.prefix { $0.isASCII && $0.isNumber }.count
        // Where a closing sequence of `#` would start: a run of # at the very end, after a space or alone.
        var closingRun = characters.count
        while closingRun > 0 && characters[closingRun - 1] == "#" { closingRun -= 1 }
        if closingRun == characters.count || (closingRun > 0 && characters[closingRun - 1] != " ") {
            closingRun = characters.count
        }
        for (index, char) in characters.enumerated() {
            let escaped: Bool
            switch char {
            case "\\", "`", "*", "_", "[", "]", "<", "&", "~", "|": escaped = true
            case "#": escaped = index == 0 || index >= closingRun
            case ">", "-", "+", "=": escaped = index == 0
            case ".", ")": escaped = leadingDigits > 0 && index == leadingDigits
            default: escaped = false
            }
            if escaped { out.append("\\") }
            out.append(char)
        }
        return out
    }
}
