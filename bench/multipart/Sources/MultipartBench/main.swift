import Foundation
import MultipartKit
import NIOCore

// The body a focal point's browser posts: the form's text fields and a note verbale of `pdfBytes` (random bytes
// behind a PDF header, so carriage returns and the boundary's first byte occur as often as in a compressed PDF).
let pdfBytes = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 200_000
let rounds = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 2_000
let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
var generator = SystemRandomNumberGenerator()
var pdf = Array("%PDF-1.7\n".utf8)
while pdf.count < pdfBytes { pdf.append(UInt8.random(in: 0...255, using: &generator)) }
var body: [UInt8] = []
func field(_ name: String, _ value: String) {
    body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
}
field("csrf", String(repeating: "a", count: 64))
field("reference", "GV.OR.17/0412")
field("received_note_at", "2017-08-17")
for index in 0..<6 {
    field("name_\(index)", "Ms. Participant Number \(index)")
    field("function_\(index)", "Counsellor, Permanent Mission")
    field("gender_\(index)", "female")
}
body += Array(
    "--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"; filename=\"note.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        .utf8)
body += pdf
body += Array("\r\n--\(boundary)--\r\n".utf8)

/// This thread's CPU time in nanoseconds: what a parse costs whatever else the machine runs.
func cpuNanoseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

/// CPU nanoseconds per parse of `body`, the best of five runs of `rounds` parses.
func measure(_ name: String, _ parse: () throws -> Int) rethrows {
    var best = Double.infinity
    var check = 0
    for _ in 0..<5 {
        let start = cpuNanoseconds()
        for _ in 0..<rounds { check &+= try parse() }
        best = min(best, (cpuNanoseconds() - start) / Double(rounds))
    }
    print("\(name): \(String(format: "%.1f", best / 1000)) µs of CPU per body of \(body.count) bytes (checksum \(check))")
}

// Ours: the whole body in one array, parts as slices of it.
try measure("msp MultipartForm") {
    let form = try MultipartForm(bytes: body, boundary: boundary)
    return form.file("note")!.count
}
// MultipartKit's streaming parser, collecting each part's bytes as a handler would.
try measure("MultipartKit MultipartParser") {
    let parser = MultipartParser(boundary: boundary)
    var parts: [ByteBuffer] = []
    var current = ByteBuffer()
    parser.onBody = { current.writeBuffer(&$0) }
    parser.onPartComplete = {
        parts.append(current)
        current = ByteBuffer()
    }
    try parser.execute(body)
    return parts.last!.readableBytes
}
// MultipartKit's Codable decoder, as a Vapor route decodes a form: the fields and the file into a struct.
struct Form: Decodable {
    var csrf: String
    var reference: String
    var note: Data
}
try measure("MultipartKit FormDataDecoder") {
    try FormDataDecoder().decode(Form.self, from: body, boundary: boundary).note.count
}
