import Foundation
import Testing

@testable import MSPDomain

/// The e-mails msp writes: RFC 5322 headers with RFC 2047 encoded words for UTF-8, a quoted-printable body, CRLF line
/// ends and short lines; checked by assertions and by Python's `email` package reading them back.
@Suite struct MailMessageTests {
    static let message = MailMessage(
        from: MailAddress(name: "Secrétariat de la 7MSP", address: "ccm@unog.ch"),
        to: MailAddress(name: "Focal point of Côte d'Ivoire", address: "focal@ci.example"),
        subject:
            "7MSP – Seventh Meeting of States Parties to the Convention on Cluster Munitions: note 45/2017 of Côte d'Ivoire received, late by 30 minutes",
        body: """
            Dear focal point of Côte d'Ivoire,

            Participants: H.E. Mr. Kouadio Adjoumani, Ms. Aïssata Koné = adviser
            .a line that starts with a dot
            A long line \(String(repeating: "é", count: 60)) \(String(repeating: "x", count: 90)) end.
            Trailing space here 
            Türkiye, São Tomé and Príncipe, 日本
            """,
        date: Instant(secondsSinceEpoch: 1_503_095_400), messageID: "<msp.1.abc@unog.ch>")

    @Test func linesEndInCRLFAndNoneIsLongerThan78() {
        let text = Self.message.rendered
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(!line.contains("\n") && !line.contains("\r"), "bare line end in \(line)")
            #expect(line.utf8.count <= 78, "too long: \(line)")
        }
        // 7-bit clean: every UTF-8 character is encoded, in the headers and the body.
        #expect(text.utf8.allSatisfy { $0 < 128 })
    }

    @Test func theHeadersAreThoseOfAMIMEMessageInUTF8() {
        let text = Self.message.rendered
        let headers = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(headers.contains("\r\nDate: Fri, 18 Aug 2017 22:30:00 +0000\r\n"))
        #expect(headers.contains("\r\nMessage-ID: <msp.1.abc@unog.ch>\r\n"))
        #expect(headers.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(headers.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"))
        #expect(headers.hasSuffix("\r\nContent-Transfer-Encoding: quoted-printable"))
        // The non-ASCII display names are encoded words, the addresses as they are.
        #expect(headers.hasPrefix("From: =?utf-8?B?"))
        #expect(headers.contains("<ccm@unog.ch>\r\nTo: =?utf-8?B?"))
        #expect(headers.contains("<focal@ci.example>\r\nSubject: =?utf-8?B?"))
    }

    @Test func anEncodedWordDecodesToTheNameAndNeverSplitsACharacter() throws {
        let words = MailHeader.encodedWords(String(repeating: "é", count: 100) + "日本", first: 9)
        #expect(words.count > 1)
        var bytes = Data()
        for word in words {
            #expect(word.count <= 75 && word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // Each word is whole UTF-8 on its own.
            #expect(String(data: payload, encoding: .utf8) != nil)
            bytes += payload
        }
        #expect(String(decoding: bytes, as: UTF8.self) == String(repeating: "é", count: 100) + "日本")
    }

    @Test func anASCIINameWithSpecialsIsQuotedAndAPlainOneIsNot() {
        #expect(
            MailHeader.address("From", MailAddress(name: "Secretariat, CCM", address: "a@b.example"))
                == [#"From: "Secretariat, CCM" <a@b.example>"#])
        #expect(
            MailHeader.address("To", MailAddress(name: "Focal point of Uganda", address: "f@ug.example"))
                == ["To: Focal point of Uganda <f@ug.example>"])
        #expect(MailHeader.address("To", MailAddress(address: "f@ug.example")) == ["To: f@ug.example"])
        // A long ASCII subject is folded at spaces, each continuation starting with a space.
        let folded = MailHeader.unstructured("Subject", String(repeating: "word ", count: 40))
        #expect(folded.count > 1 && folded.dropFirst().allSatisfy { $0.hasPrefix(" ") && $0.count <= 78 })
    }

    @Test func quotedPrintableEncodesWhatMustBeAndCutsWithSoftBreaks() {
        #expect(QuotedPrintable.encode("a = b") == ["a =3D b"])
        #expect(QuotedPrintable.encode("é") == ["=C3=A9"])
        #expect(QuotedPrintable.encode("end ") == ["end=20"])
        #expect(QuotedPrintable.encode("one\ntwo\n") == ["one", "two"])
        let long = QuotedPrintable.encode(String(repeating: "é", count: 40))
        #expect(long.count == 4 && long.dropLast().allSatisfy { $0.hasSuffix("=") && $0.count <= 76 })
        #expect(long.joined().replacingOccurrences(of: "=", with: "").count == 160)
    }

    @Test func addressesAreReadAsOptionsGiveThem() {
        #expect(MailAddress.parse("ccm@unog.ch") == MailAddress(address: "ccm@unog.ch"))
        #expect(
            MailAddress.parse("CCM secretariat <ccm@unog.ch>")
                == MailAddress(name: "CCM secretariat", address: "ccm@unog.ch"))
        #expect(MailAddress.parse("\"Secrétariat, CCM\" <ccm@unog.ch>")?.name == "Secrétariat, CCM")
        #expect(MailAddress.parse("not an address") == nil)
        #expect(MailAddress.parse("ccm@") == nil)
        #expect(MailAddress.parse("é@unog.ch") == nil)
    }

    /// Python's `email` package (policy.default, the strict modern parser) reads back exactly what was meant.
    @Test func pythonsEmailPackageReadsItBack() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "tests/mail/parse_eml.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(Self.message.rendered.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(parsed["defects"] as? [String] == [])
        #expect(parsed["from_name"] as? String == "Secrétariat de la 7MSP")
        #expect(parsed["from_address"] as? String == "ccm@unog.ch")
        #expect(parsed["to_name"] as? String == "Focal point of Côte d'Ivoire")
        #expect(parsed["to_address"] as? String == "focal@ci.example")
        #expect(parsed["subject"] as? String == Self.message.subject)
        #expect(parsed["date"] as? String == "2017-08-18T22:30:00+00:00")
        #expect(parsed["message_id"] as? String == "<msp.1.abc@unog.ch>")
        #expect(parsed["content_type"] as? String == "text/plain" && parsed["charset"] as? String == "utf-8")
        #expect(parsed["body"] as? String == Self.message.body + "\n")
        #expect(parsed["crlf_only"] as? Bool == true && parsed["ascii_only"] as? Bool == true)
        #expect((parsed["max_line"] as? Int ?? 999) <= 78)
    }
}
