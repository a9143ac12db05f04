import Foundation

/// The note verbale or letter itself, attached to a submission as a PDF: checked by its content, never by a file
/// name or a type the client claims.
package enum NoteDocument {
    /// At most 10 MB (10 × 1024 × 1024 bytes).
    package static let maxBytes = 10 * 1024 * 1024
    /// "%%EOF" must be in the last this-many bytes, as the PDF specification says (trailing line ends allowed).
    package static let endWindow = 1024

    /// Refuses, on `field`, what is not a PDF of at most `maxBytes`: empty, too large, not starting with `%PDF-`, or
    /// without `%%EOF` near its end (a file cut short).
    package static func check(_ data: Data, field: FieldPath = .pdf) throws {
        guard !data.isEmpty else {
            throw InputError("the note verbale or letter is missing: attach it as a PDF", field: field)
        }
        guard data.count <= maxBytes else {
            throw InputError(
                "the PDF is larger than 10 MB (\(data.count) bytes): send a smaller scan", field: field)
        }
        guard data.starts(with: Array("%PDF-".utf8)) else {
            throw InputError("the file attached is not a PDF: attach the note verbale or letter as a PDF", field: field)
        }
        guard data.suffix(endWindow).range(of: Data("%%EOF".utf8)) != nil else {
            throw InputError(
                "the PDF is incomplete (it does not end as a PDF ends): attach it again", field: field)
        }
    }
}

extension FieldPath {
    /// The PDF of a submission, and a submission by its number.
    package static let pdf = key("pdf")
    package static let submission = key("submission")
}
