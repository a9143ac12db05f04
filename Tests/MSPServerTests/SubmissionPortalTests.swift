import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSPApplication
import MSPDomain
import MSPStore
import Testing

@testable import MSPServer

/// The focal points' pages and the secretariat's queue over HTTP: a link's page and its multipart form (CSRF tied to
/// the link, errors at their field), the queue, a submission beside its PDF served inline, and accept/return, which a
/// viewer may not send.
@Suite struct SubmissionPortalTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8)
    static let boundary = "----msp-test-7MSP-boundary"

    /// The portal's 7MSP with focal points for Uganda and Kenya; their tokens.
    static func desk() throws -> (desk: RegistrationDesk, uganda: String, kenya: String) {
        let desk = try Portal7MSP.desk()
        let (_, uganda) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@ug.example"))
        let (_, kenya) = try desk.addFocalPoint(FocalPointRequest(delegation: "Kenya", email: "focal@ke.example"))
        return (desk, uganda, kenya)
    }

    /// A `multipart/form-data` body as a browser sends it: the fields, then the PDF (with a client file name, which the
    /// portal ignores) unless nil.
    static func multipart(_ fields: [(String, String)], pdf: Data? = pdf) -> (HTTPFields, ByteBuffer) {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"../../etc/note; v.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                .utf8)
        body += pdf ?? Data()
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return (
            [.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(bytes: body)
        )
    }

    /// The form's fields: the CSRF token, a reference and participants (role, name[, email]).
    static func fields(
        csrf: String, reference: String = "Note 46/2017", participants: [(String, String, String)]
    ) -> [(String, String)] {
        var fields = [("csrf_token", csrf), ("rows", "8"), ("reference", reference)]
        for (index, (role, name, email)) in participants.enumerated() {
            fields += [
                ("participant-\(index + 1)-role", role), ("participant-\(index + 1)-name", name),
                ("participant-\(index + 1)-email", email),
            ]
        }
        return fields
    }

    static func submit(
        _ browser: Browser, token: String, fields: [(String, String)], pdf: Data? = pdf
    ) async throws -> TestResponse {
        let (headers, body) = multipart(fields, pdf: pdf)
        return try await browser.send("/focal-point/\(token)/submissions", method: .post, headers: headers, body: body)
    }

    /// Opens the link's page and submits its form with these participants.
    static func submitThroughPage(
        _ browser: Browser, token: String, participants: [(String, String, String)], pdf: Data? = pdf
    ) async throws -> TestResponse {
        let page = try await browser.get("/focal-point/\(token)")
        let csrf = try #require(Browser.csrfToken(page.text))
        return try await submit(browser, token: token, fields: fields(csrf: csrf, participants: participants), pdf: pdf)
    }

    /// An exact deadline is met by a note received at its very second: at that second the page still gives the time
    /// left, as `Deadline.isLate` says, and says it has passed from the next second on.
    @Test func atTheExactSecondOfAnInstantDeadlineThePageSaysOneSecondIsLeft() async throws {
        let store = try Store.inMemory()
        let deadline = Instant(secondsSinceEpoch: 1_503_093_599)  // 18 August 2017, 23:59:59 in Geneva
        let setUp = RegistrationDesk(store: store, user: "clerk", clock: { deadline }, passwordCost: 4)
        try setUp.addMeeting(
            MeetingRequest(
                code: "7MSP", title: "7MSP", convention: "CCM", opens: "2017-09-04", closes: "2017-09-06",
                deadline: "2017-08-18T23:59:59", timeZone: "Europe/Zurich"))
        let (_, token) = try setUp.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@ug.example"))
        for (now, expected) in [(deadline, "1 second left"), (deadline.adding(seconds: 1), "The deadline has passed")] {
            let desk = RegistrationDesk(store: store, user: "clerk", clock: { now }, passwordCost: 4)
            try await Portal7MSP.test(desk: desk) { client in
                let page = try await Browser(client).get("/focal-point/\(token)")
                #expect(page.text.contains(expected), "at \(now.secondsSinceEpoch)")
            }
        }
    }

    @Test func aLinksPageShowsItsDelegationOnlyWithTheDeadlineAndAFormOfFixedRows() async throws {
        let (desk, uganda, kenya) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            let page = try await browser.get("/focal-point/\(uganda)")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("Uganda") && text.contains("18 August 2017, end of day in Europe/Zurich"))
            #expect(text.contains("The deadline has passed"))
            // The composition, escaped: a name that looks like markup shows as text.
            #expect(text.contains("H.E. Mr. John Doe") && text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!text.contains("<script"))
            // Nothing of Kenya's.
            #expect(!text.contains("Kenya") && !text.contains("Wanjiru"))
            // Eight rows, a file field, a multipart form, no JavaScript; more rows on request.
            #expect(text.contains("participant-8-name") && !text.contains("participant-9-name"))
            #expect(text.contains(#"enctype="multipart/form-data""#) && text.contains(#"type="file""#))
            #expect(try await browser.get("/focal-point/\(uganda)?rows=16").text.contains("participant-16-name"))
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(
                page.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware<PortalContext>.contentSecurityPolicy)
            // Each link's form token is its own.
            let kenyaPage = try await browser.get("/focal-point/\(kenya)")
            #expect(Browser.csrfToken(kenyaPage.text) != Browser.csrfToken(text))
            // No session is started for a focal point.
            #expect(page.headers[values: .setCookie].isEmpty)
            // A link that does not work: 404, the same for an unknown and a malformed token.
            for bad in [String(repeating: "A", count: 43), "short", String(uganda.dropLast()) + "!"] {
                let refused = try await browser.get("/focal-point/\(bad)")
                #expect(refused.status == .notFound)
                #expect(!refused.text.contains("Uganda"))
            }
        }
    }

    @Test func aFocalPointSubmitsThroughTheFormAndSeesItReceivedLate() async throws {
        let (desk, uganda, _) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            let response = try await Self.submitThroughPage(
                browser, token: uganda,
                participants: [("head", "H.E. Ms. Grace Akello", ""), ("adviser", "<script>alert(2)</script>", "")])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/focal-point/\(uganda)?received="))
            let page = try await browser.get(location).text
            // Received after 18 August (the tests' clock is 1 September): late, and it says so.
            #expect(page.contains("was received on") && page.contains("late by"))
            #expect(page.contains("Grace Akello") && page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
            #expect(!page.contains("<script"))
            #expect(page.contains("pending"))
            // The desk has it, as the form gave it, with the PDF's bytes; the client's file name is nowhere.
            let (_, queue) = try desk.submissions(meeting: "7MSP")
            #expect(queue.count == 1 && queue[0].delegation == "Uganda" && queue[0].reference == "Note 46/2017")
            #expect(try desk.submission(id: queue[0].id).pdf == Self.pdf)
            let stored = try desk.store.read { db in try String.fetchAll(db, sql: "SELECT content FROM submission") }
            #expect(!stored.joined().contains("etc/note"))
        }
    }

    @Test func everyFormNeedsTheTokenOfItsOwnLink() async throws {
        let (desk, uganda, kenya) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            let kenyaToken = try #require(Browser.csrfToken(try await browser.get("/focal-point/\(kenya)").text))
            let participants = [("head", "Someone", "")]
            // No token, a wrong one, another link's: 403, nothing kept.
            for csrf in ["", String(repeating: "0", count: 64), kenyaToken] {
                let refused = try await Self.submit(
                    browser, token: uganda, fields: Self.fields(csrf: csrf, participants: participants))
                #expect(refused.status == .forbidden)
            }
            // A form that is not multipart: refused before anything is read.
            let plain = try await browser.post("/focal-point/\(uganda)/submissions", form: [("csrf_token", kenyaToken)])
            #expect(plain.status == .badRequest)
            #expect(try desk.submissions(meeting: "7MSP", status: nil).submissions.isEmpty)
        }
    }

    @Test func problemsAreShownAtTheirFieldWith422() async throws {
        let (desk, uganda, _) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            // Not a PDF.
            let notPDF = try await Self.submitThroughPage(
                browser, token: uganda, participants: [("head", "Grace Akello", "")], pdf: Data("GIF89a".utf8))
            #expect(notPDF.status == .unprocessableContent)
            #expect(notPDF.text.contains(#"id="pdf-error""#) && notPDF.text.contains("not a PDF"))
            // What was typed is kept.
            #expect(notPDF.text.contains(#"value="Grace Akello""#))
            // No file chosen.
            let noFile = try await Self.submitThroughPage(
                browser, token: uganda, participants: [("head", "Grace Akello", "")], pdf: nil)
            #expect(noFile.status == .unprocessableContent && noFile.text.contains(#"id="pdf-error""#))
            // Two heads: at the participants.
            let twoHeads = try await Self.submitThroughPage(
                browser, token: uganda, participants: [("head", "A B", ""), ("head", "C D", "")])
            #expect(twoHeads.status == .unprocessableContent && twoHeads.text.contains(#"id="participants-error""#))
            // A bad e-mail in the second row: at that row's field.
            let badEmail = try await Self.submitThroughPage(
                browser, token: uganda, participants: [("head", "A B", ""), ("adviser", "C D", "not-an-address")])
            #expect(badEmail.status == .unprocessableContent)
            let row = try #require(badEmail.text.range(of: #"name="participant-2-email""#))
            let after = badEmail.text[row.lowerBound...].prefix(400)
            #expect(after.contains(#"aria-invalid="true""#) && after.contains("portal-error"))
            #expect(try desk.submissions(meeting: "7MSP", status: nil).submissions.isEmpty)
        }
    }

    /// Issue 20: an honorific that says the contrary of the gender chosen is an error at the row's gender, 422, and
    /// nothing is kept; the drop-down offers the genders of the domain's list.
    @Test func aGenderContradictingTheHonorificIsRefusedAtTheGenderWith422() async throws {
        let (desk, uganda, _) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            let page = try await browser.get("/focal-point/\(uganda)")
            for gender in Gender.allCases {
                #expect(page.text.contains(#"<option value="\#(gender.rawValue)">"#))
            }
            let csrf = try #require(Browser.csrfToken(page.text))
            var fields = Self.fields(csrf: csrf, participants: [("head", "Hector Guerra", "")])
            fields += [("participant-1-title", "Ms."), ("participant-1-gender", "male")]
            let refused = try await Self.submit(browser, token: uganda, fields: fields)
            #expect(refused.status == .unprocessableContent)
            let row = try #require(refused.text.range(of: #"name="participant-1-gender""#))
            let after = refused.text[row.lowerBound...].prefix(600)
            #expect(after.contains(#"aria-invalid="true""#) && after.contains("contradicts the honorific"))
            #expect(try desk.submissions(meeting: "7MSP", status: nil).submissions.isEmpty)
        }
    }

    /// The one rule for text (`TextRule`) at the portal: a bidirectional control in a participant's name, an escape
    /// in the reference or in a return's reason is an error at its field, 422, and nothing is saved; a right-to-left
    /// name without controls is received.
    @Test func controlAndBidirectionalCharactersAreRefusedAtTheirFieldWith422() async throws {
        let (desk, uganda, _) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            let bidi = try await Self.submitThroughPage(
                browser, token: uganda, participants: [("head", "Grace \u{202E}ollekA", "")])
            #expect(bidi.status == .unprocessableContent && bidi.text.contains("bidirectional control character"))
            let row = try #require(bidi.text.range(of: #"name="participant-1-name""#))
            #expect(bidi.text[row.lowerBound...].prefix(400).contains(#"aria-invalid="true""#))
            let page = try await browser.get("/focal-point/\(uganda)")
            let csrf = try #require(Browser.csrfToken(page.text))
            let escape = try await Self.submit(
                browser, token: uganda,
                fields: Self.fields(csrf: csrf, reference: "Note\u{1B}[2J 46", participants: [("head", "A B", "")]))
            #expect(escape.status == .unprocessableContent && escape.text.contains(#"id="reference-error""#))
            #expect(try desk.submissions(meeting: "7MSP", status: nil).submissions.isEmpty)

            let arabic = try await Self.submitThroughPage(
                browser, token: uganda, participants: [("head", "السيد أحمد العلي", "")])
            #expect(arabic.status == .seeOther)
            let id = try #require(try desk.submissions(meeting: "7MSP").submissions.first?.id)
            let clerk = Browser(client)
            _ = try await clerk.signIn()
            let clerkCSRF = try #require(
                Browser.csrfToken(try await clerk.get("/meetings/7MSP/submissions/\(id)").text))
            let returned = try await clerk.post(
                "/meetings/7MSP/submissions/\(id)/return",
                form: [("csrf_token", clerkCSRF), ("reason", "Unsigned\u{1B}[2J")])
            #expect(returned.status == .unprocessableContent && returned.text.contains(#"id="reason-error""#))
            #expect(try desk.submissions(meeting: "7MSP", status: .pending).submissions.count == 1)
        }
    }

    @Test func theSecretariatSeesTheQueueAndThePDFInlineAndAccepts() async throws {
        let (desk, uganda, kenya) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let focal = Browser(client)
            _ = try await Self.submitThroughPage(focal, token: uganda, participants: [("head", "Grace Akello", "")])
            _ = try await Self.submitThroughPage(focal, token: kenya, participants: [("head", "Otieno Odhiambo", "")])
            let id = try desk.submissions(meeting: "7MSP").submissions[0].id
            // Behind sign-in, the PDF included.
            let anonymous = Browser(client)
            for path in ["/meetings/7MSP/submissions", "/meetings/7MSP/submissions/\(id)/pdf"] {
                #expect(try await anonymous.get(path).status == .seeOther)
            }
            let clerk = Browser(client)
            _ = try await clerk.signIn()
            let queue = try await clerk.get("/meetings/7MSP/submissions")
            #expect(queue.status == .ok)
            #expect(queue.text.contains("Uganda") && queue.text.contains("Kenya") && queue.text.contains("late by"))
            #expect(queue.text.range(of: "Uganda")!.lowerBound < queue.text.range(of: "Kenya")!.lowerBound)
            let page = try await clerk.get("/meetings/7MSP/submissions/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<iframe class="portal-pdf" src="/meetings/7MSP/submissions/\#(id)/pdf""#))
            #expect(page.text.contains("Grace Akello") && page.text.contains("/accept"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-src 'self'") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let pdf = try await clerk.get("/meetings/7MSP/submissions/\(id)/pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.headers[.contentDisposition] == "inline; filename=\"submission-\(id).pdf\"")
            #expect(pdf.headers[.contentSecurityPolicy] == SubmissionsController.pdfPolicy)
            #expect(pdf.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'self'") == true)
            #expect(pdf.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")
            #expect(pdf.headers[.xContentTypeOptions] == "nosniff")
            #expect(Data(pdf.body.readableBytesView) == Self.pdf)
            // Another meeting's code, or an unknown number: 404.
            #expect(try await clerk.get("/meetings/7MSP/submissions/999").status == .notFound)
            #expect(try await clerk.get("/meetings/7MSP/submissions/abc/pdf").status == .notFound)
            // Accept: the note is recorded, by the account signed in.
            let csrf = try #require(Browser.csrfToken(page.text))
            let accepted = try await clerk.post("/meetings/7MSP/submissions/\(id)/accept", form: [("csrf_token", csrf)])
            #expect(accepted.status == .seeOther)
            let after = try await clerk.get(try #require(accepted.headers[.location])).text
            #expect(
                after.contains("accepted by clerk") && after.contains("recorded as note")
                    && !after.contains("/accept\""))
            #expect(try desk.submission(id: id).submission.decidedBy == "clerk")
            #expect(try await clerk.get("/meetings/7MSP/participants").text.contains("Grace Akello"))
            // Without the session's token: 403.
            let kenyaId = try desk.submissions(meeting: "7MSP").submissions[0].id
            let forged = try await clerk.post("/meetings/7MSP/submissions/\(kenyaId)/accept", form: [])
            #expect(forged.status == .forbidden)
        }
    }

    /// The queue shows a page of the pending submissions, oldest first, with the counts of all and links to the pages
    /// before and after; only the page's rows are read.
    @Test func theQueueShowsAPageOfPendingSubmissionsAtATime() async throws {
        let (desk, uganda, kenya) = try Self.desk()
        let total = SubmissionsController.pageSize + 5
        for n in 1...total {
            _ = try desk.submit(
                token: n % 2 == 0 ? uganda : kenya,
                request: NoteSubmissionRequest(
                    reference: "Note \(n)/2017", participants: [.init(role: "head", name: "Ms. Head \(n)")],
                    pdf: Self.pdf))
        }
        let queue = try desk.submissionQueue(from: 100, pageSize: 100)
        #expect(queue.pendingCount == total && queue.pending.count == 5 && queue.from == 100)
        #expect(queue.pending.map(\.reference) == (101...total).map { "Note \($0)/2017" })
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            let first = try await browser.get("/meetings/7MSP/submissions").text
            #expect(first.contains("Showing 1 to 100 of \(total)."))
            #expect(first.contains(">Note 100/2017<") && !first.contains(">Note 101/2017<"))
            #expect(first.contains(#"href="/meetings/7MSP/submissions?from=100" rel="next""#))
            #expect(!first.contains(#"rel="prev""#))
            let second = try await browser.get("/meetings/7MSP/submissions?from=100").text
            #expect(second.contains("Showing 101 to \(total) of \(total)."))
            #expect(second.contains(">Note \(total)/2017<") && !second.contains(">Note 100/2017<"))
            #expect(second.contains(#"href="/meetings/7MSP/submissions?from=0" rel="prev""#))
            #expect(!second.contains(#"rel="next""#))
            let beyond = try await browser.get("/meetings/7MSP/submissions?from=5000").text
            #expect(beyond.contains("back to the oldest"))
        }
    }

    @Test func aViewerReadsButCannotAcceptOrReturn() async throws {
        let (desk, uganda, _) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            _ = try await Self.submitThroughPage(Browser(client), token: uganda, participants: [("head", "A B", "")])
            let id = try desk.submissions(meeting: "7MSP").submissions[0].id
            let reader = Browser(client)
            _ = try await reader.signIn("reader")
            let page = try await reader.get("/meetings/7MSP/submissions/\(id)")
            #expect(page.status == .ok && !page.text.contains("/accept\"") && !page.text.contains("/return\""))
            let csrf = try #require(Browser.csrfToken(page.text))
            let accept = try await reader.post("/meetings/7MSP/submissions/\(id)/accept", form: [("csrf_token", csrf)])
            #expect(accept.status == .forbidden)
            let giveBack = try await reader.post(
                "/meetings/7MSP/submissions/\(id)/return", form: [("csrf_token", csrf), ("reason", "No.")])
            #expect(giveBack.status == .forbidden)
            #expect(try desk.submission(id: id).submission.status == .pending)
            #expect(try await reader.get("/meetings/7MSP/submissions/\(id)/pdf").status == .ok)
        }
    }

    @Test func returningNeedsAReasonAndTheFocalPointSeesIt() async throws {
        let (desk, uganda, _) = try Self.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let focal = Browser(client)
            _ = try await Self.submitThroughPage(focal, token: uganda, participants: [("head", "A B", "")])
            let id = try desk.submissions(meeting: "7MSP").submissions[0].id
            let clerk = Browser(client)
            _ = try await clerk.signIn()
            let csrf = try #require(Browser.csrfToken(try await clerk.get("/meetings/7MSP/submissions/\(id)").text))
            let empty = try await clerk.post(
                "/meetings/7MSP/submissions/\(id)/return", form: [("csrf_token", csrf), ("reason", "  ")])
            #expect(empty.status == .unprocessableContent && empty.text.contains(#"id="reason-error""#))
            let returned = try await clerk.post(
                "/meetings/7MSP/submissions/\(id)/return",
                form: [("csrf_token", csrf), ("reason", "Unsigned <b>note</b>.")])
            #expect(returned.status == .seeOther)
            let page = try await focal.get("/focal-point/\(uganda)").text
            #expect(page.contains("returned") && page.contains("Reason: Unsigned &lt;b&gt;note&lt;/b&gt;."))
        }
    }
}
