import Foundation
import MSPDocuments

/// Documents printed to PDF by the commands that offer `--format pdf`.
enum PrintedOutput {
    /// The PDF's bytes; when some names had characters that no installed font draws, a line on standard error says
    /// which fonts to install (the PDF is still written: the rest of the list is right).
    static func pdf(_ render: () throws(PrintError) -> PDFRenderer.Output) throws -> [UInt8] {
        let output = try render()
        if output.missingGlyphs > 0 {
            FileHandle.standardError.write(
                Data(
                    "msp: \(output.missingGlyphs) character\(output.missingGlyphs == 1 ? "" : "s") in the PDF have no font on this machine and print as boxes: install fonts for their scripts (fonts-noto-core, fonts-noto-cjk)\n"
                        .utf8))
        }
        return output.bytes
    }
}
