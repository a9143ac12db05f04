import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `msp submission list|show|accept|return` with the built msp, over notes a focal point submitted through the built
/// `msp serve`: the command line and the portal are one registration record.
@Suite struct SubmissionCommandTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8)

    /// Submits a note through the link's form, as a browser without JavaScript would: the page for its CSRF token,
    /// then the multipart form. The status of the answer (303 when received).
    static func submit(port: Int, token: String, reference: String, head: String) async throws -> Int {
        let page = try await ServeTests.get("http://127.0.0.1:\(port)/focal-point/\(token)")
        let marker = #"name="csrf_token" value=""#
        let range = try #require(page.body.range(of: marker))
        let csrf = String(page.body[range.upperBound...].prefix { $0 != "\"" })
        let boundary = "----msp-e2e"
        var body = Data()
        for (name, value) in [
            ("csrf_token", csrf), ("rows", "8"), ("reference", reference), ("participant-1-role", "head"),
            ("participant-1-name", head), ("participant-1-gender", "female"),
        ] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"n.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                .utf8)
        body += pdf + Data("\r\n--\(boundary)--\r\n".utf8)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/focal-point/\(token)/submissions")!)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        // Not followed: the answer itself says whether it was received.
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        let (_, response) = try await session.data(for: request)
        return (response as! HTTPURLResponse).statusCode
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) { completionHandler(nil) }
    }

    @Test func notesSubmittedThroughThePortalAreListedShownAcceptedAndReturnedAtTheCommandLine() async throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let added = try msp("focal-point", "add", "--delegation", "Uganda", "--email", "focal@ug.example")
        expectSuccess(added)
        let token = FocalPointCommandTests.token(try FocalPointCommandTests.link(added))
        let server = try ServeTests.Server(msp)
        #expect(
            try await Self.submit(port: server.port, token: token, reference: "Note 46/2017", head: "Ms. A. Okello")
                == 303)
        #expect(
            try await Self.submit(port: server.port, token: token, reference: "Note 47/2017", head: "Ms. B. Otim")
                == 303)

        let empty = try msp("submission", "list", "--status", "accepted", "--format", "json")
        expectSuccess(empty)
        #expect(empty.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let queue = try msp("submission", "list", "--format", "json")
        expectSuccess(queue)
        let rows = try #require(try queue.json() as? [[String: Any]])
        #expect(rows.map { $0["reference"] as? String } == ["Note 46/2017", "Note 47/2017"])
        #expect(rows.allSatisfy { $0["status"] as? String == "pending" && $0["kind"] as? String == "note" })
        // Received now, years after the 7MSP's deadline: late, and said so.
        #expect(rows.allSatisfy { $0["late"] as? Bool == true && $0["focal_point"] as? String == "focal@ug.example" })
        let first = try #require(rows.first?["submission"] as? Int)
        let second = try #require(rows.last?["submission"] as? Int)

        let shown = try msp("submission", "show", String(first))
        expectSuccess(shown)
        #expect(shown.stdout.contains("Submission \(first) (note) of Uganda for 7MSP"))
        #expect(shown.stdout.contains("Okello") && shown.stdout.contains("SHA-256"))

        let accepted = try msp("submission", "accept", String(first))
        expectSuccess(accepted)
        #expect(accepted.stdout.contains("Accepted submission \(first) of Uganda: recorded as note"))
        #expect(accepted.stdout.contains("late by"))
        let again = try msp("submission", "accept", String(first))
        #expect(again.status == 65)
        #expect(again.stderr.contains("SUBMISSION: submission \(first) was accepted already"), "\(again.stderr)")
        let missing = try msp("submission", "return", "999", "--reason", "no such")
        #expect(missing.status == 65 && missing.stderr.contains("SUBMISSION: there is no submission 999"))
        let returned = try msp("submission", "return", String(second), "--reason", "The note is not signed")
        expectSuccess(returned)
        #expect(returned.stdout.contains("Returned submission \(second) of Uganda to its focal point"))

        // The accepted note is Uganda's registration, late, awaiting a decision; the list shows it.
        let late = try msp("list-late", "--format", "csv")
        #expect(late.stdout.contains("Uganda") && late.stdout.contains("Note 46/2017"))
        let all = try msp("submission", "list", "--status", "all", "--format", "csv")
        let table = csvRows(all.stdout)
        let status = try #require(table.first?.firstIndex(of: "status"))
        let reason = try #require(table.first?.firstIndex(of: "reason"))
        #expect(table.dropFirst().map { $0[status] } == ["accepted", "returned"])
        #expect(table.last?[reason] == "The note is not signed")
        let history = try msp("history", "--delegation", "Uganda", "--format", "json")
        let kinds = try #require(try history.json() as? [[String: Any]]).compactMap { $0["kind"] as? String }
        for kind in ["focal_point_issued", "submission_received", "submission_accepted", "submission_returned"] {
            #expect(kinds.contains(kind), "\(kind) in \(kinds)")
        }
        _ = server.terminate(within: 5)
    }
}
