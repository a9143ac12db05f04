import Testing

@testable import MSPServer

/// The search for a multipart boundary (`MultipartForm.find`), at the edges of the body and of its limit.
@Suite struct MultipartFormTests {
    let bytes = Array("--b\r\nabc\r\n--b--".utf8)

    @Test func findsTheFirstOccurrenceAtOrAfterTheStart() {
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: 0) == 0)
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: 1) == 10)
        #expect(MultipartForm.find(Array("--".utf8), in: bytes, from: 13) == 13)
        #expect(MultipartForm.find(Array("--".utf8), in: bytes, from: 14) == nil)
        #expect(MultipartForm.find(Array("b--".utf8), in: bytes, from: 0) == 12)
    }

    @Test func findsNothingPastTheEndOrOutsideTheLimit() {
        #expect(MultipartForm.find(Array("--x".utf8), in: bytes, from: 0) == nil)
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: 11) == nil)
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: bytes.count) == nil)
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: bytes.count + 1) == nil)
        #expect(MultipartForm.find([], in: bytes, from: 0) == nil)
        // A match must start within `limit` bytes of the start: at 10 it starts 9 after 1.
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: 1, limit: 8) == nil)
        #expect(MultipartForm.find(Array("--b".utf8), in: bytes, from: 1, limit: 9) == 10)
    }

    @Test func readsAFormWithAFileWhoseBytesLookLikeABoundary() throws {
        let body = Array(
            ("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"n.pdf\"\r\n\r\n%PDF-\r\n--Xy\r\n%%EOF\r\n"
                + "--XyZ--\r\n").utf8)
        let form = try MultipartForm(bytes: body, boundary: "XyZ")
        #expect(form.value("a") == "one")
        #expect(form.file("pdf").map { Array($0) } == Array("%PDF-\r\n--Xy\r\n%%EOF".utf8))
    }
}
