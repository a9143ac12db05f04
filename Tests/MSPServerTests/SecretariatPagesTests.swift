import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSPApplication
import MSPDomain
import MSPStore
import Testing

@testable import MSPServer

/// The secretariat's other pages over HTTP: a meeting's page, statistics, credentials, delegations with their focal
/// points, a delegation's history, decisions on late notes from the late-notes page (secretariat accounts only), and a
/// focal point's withdrawal through their link.
@Suite struct SecretariatPagesTests {
    typealias P = SubmissionPortalTests

    @Test func everyPageOfAMeetingIsBehindSignInAndShowsTheMeetingsFigures() async throws {
        let (desk, _, _) = try P.desk()
        // Uganda and Kenya signed the Convention only; Norway is a State Party.
        try desk.register(
            Submission(
                meeting: "7MSP", delegation: "Norway", reference: "N 1", receivedAt: "2017-08-01",
                participants: [.init(role: "head", name: "Ms. Ingrid Hansen")]))
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            let pages = [
                "/meetings/7MSP", "/meetings/7MSP/statistics", "/meetings/7MSP/credentials",
                "/meetings/7MSP/delegations", "/meetings/7MSP/history?delegation=Uganda",
            ]
            for page in pages {
                #expect(try await browser.get(page).status == .seeOther, "\(page) before sign-in")
            }
            _ = try await browser.signIn("reader")
            let overview = try await browser.get("/meetings/7MSP")
            #expect(overview.status == .ok)
            #expect(overview.text.contains("3 delegations, 4 participants"))
            #expect(overview.text.contains("1 late note(s) awaiting a decision"))
            for link in pages.dropFirst() where !link.contains("?") {
                #expect(overview.text.contains(#"href="\#(link)""#), "the page links to \(link)")
            }
            let statistics = try await browser.get("/meetings/7MSP/statistics").text
            // Norway of the 102 States Parties on the opening day, as msp stats counts them.
            #expect(statistics.contains("States Parties registered: <strong>1 of 102</strong>"))
            #expect(statistics.contains("<tr><td>Signatory States</td><td>2</td><td>3</td></tr>"))
            #expect(statistics.contains("<tr class=\"total\"><td>Total</td><td>3</td><td>4</td></tr>"))
            let credentials = try await browser.get("/meetings/7MSP/credentials").text
            #expect(credentials.contains("States Parties that have presented nothing yet (1)"))
            #expect(credentials.contains("<li><bdi>Norway</bdi></li>") && !credentials.contains("<bdi>Uganda</bdi>"))
        }
    }

    @Test func theDelegationsPageNamesFocalPointsAndThoseNotRegisteredYet() async throws {
        let (desk, _, _) = try P.desk()
        _ = try desk.addFocalPoint(FocalPointRequest(delegation: "Norway", email: "focal@no.example"))
        _ = try desk.revokeFocalPoint(delegation: "Kenya", reason: "left the mission")
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            let page = try await browser.get("/meetings/7MSP/delegations")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("3 delegation(s), 3 with a focal point"))
            #expect(text.contains("<td>focal@ug.example</td>"))
            #expect(text.contains("<td>focal@ke.example (link revoked)</td>"))
            #expect(text.contains("<bdi>Norway</bdi></a></td>\n<td></td>\n<td></td>\n<td>not registered yet</td>"))
            #expect(text.contains(#"href="/meetings/7MSP/history?delegation=Uganda""#))
            let history = try await browser.get("/meetings/7MSP/history?delegation=Kenya")
            #expect(history.status == .ok)
            #expect(history.text.contains("focal point&#39;s link revoked: focal@ke.example"))
            #expect(history.text.contains("left the mission"))
            // A name that finds nothing is the desk's refusal of a name (422), with the nearest names on the page.
            let unknown = try await browser.get("/meetings/7MSP/history?delegation=Atlantis")
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("Atlantis"))
            #expect(try await browser.get("/meetings/7MSP/history").status == .notFound)
        }
    }

    @Test func theSecretariatDecidesOnALateNoteFromTheLateNotesPageAndAViewerCannot() async throws {
        let (desk, _, _) = try P.desk()
        let note = try #require(try desk.lateNotes(meeting: "7MSP").notes.first?.number)
        try await Portal7MSP.test(desk: desk) { client in
            let reader = Browser(client)
            _ = try await reader.signIn("reader")
            let readerPage = try await reader.get("/meetings/7MSP/late-notes").text
            #expect(!readerPage.contains("Decline</button>"), "a viewer sees no decision form")
            let readerToken = try #require(Browser.csrfToken(readerPage))
            let refused = try await reader.post(
                "/meetings/7MSP/late-notes/\(note)",
                form: [("csrf_token", readerToken), ("outcome", "accepted"), ("reason", "why not")])
            #expect(refused.status == .forbidden)

            let clerk = Browser(client)
            _ = try await clerk.signIn("clerk")
            let page = try await clerk.get("/meetings/7MSP/late-notes").text
            #expect(page.contains(#"action="/meetings/7MSP/late-notes/\#(note)""#))
            let token = try #require(Browser.csrfToken(page))
            // No reason: refused at the note's row, nothing recorded.
            let empty = try await clerk.post(
                "/meetings/7MSP/late-notes/\(note)",
                form: [("csrf_token", token), ("outcome", "accepted"), ("reason", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"id="note-\#(note)-error""#))
            #expect(try desk.lateNotes(meeting: "7MSP").notes.first?.decision == nil)
            // Without the session's token: 403 before anything.
            let forged = try await clerk.post(
                "/meetings/7MSP/late-notes/\(note)", form: [("outcome", "declined"), ("reason", "forged")])
            #expect(forged.status == .forbidden)
            let accepted = try await clerk.post(
                "/meetings/7MSP/late-notes/\(note)",
                form: [("csrf_token", token), ("outcome", "accepted"), ("reason", "Delayed by the diplomatic pouch")])
            #expect(accepted.status == .seeOther)
            let decision = try #require(try desk.lateNotes(meeting: "7MSP").notes.first?.decision)
            #expect(decision.outcome == .accepted && decision.by == "clerk")
            #expect(decision.reason == "Delayed by the diplomatic pouch")
            let after = try await clerk.get(try #require(accepted.headers[.location])).text
            #expect(after.contains(#"id="decided""#) && after.contains("accepted by clerk"))
        }
    }

    @Test func aFocalPointWithdrawsTheirDelegationThroughTheLinkAndTheSecretariatAcceptsIt() async throws {
        let (desk, uganda, _) = try P.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let focal = Browser(client)
            let page = try await focal.get("/focal-point/\(uganda)")
            #expect(page.text.contains(#"id="withdrawal-form""#))
            let csrf = try #require(Browser.csrfToken(page.text))
            // Without the PDF: refused at its field, nothing kept.
            let (headers, noPDF) = P.multipart(
                [("csrf_token", csrf), ("kind", "withdrawal"), ("reference", "Note 50/2017")], pdf: nil)
            let refused = try await focal.send(
                "/focal-point/\(uganda)/submissions", method: .post, headers: headers, body: noPDF)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="withdrawal-pdf-error""#))
            #expect(try desk.submissions(meeting: "7MSP", status: nil).submissions.isEmpty)
            let sent = try await P.submit(
                focal, token: uganda,
                fields: [("csrf_token", csrf), ("kind", "withdrawal"), ("reference", "Note 50/2017")])
            #expect(sent.status == .seeOther)
            let shown = try await focal.get(try #require(sent.headers[.location])).text
            #expect(shown.contains("Your withdrawal"))
            let pending = try #require(try desk.submissions(meeting: "7MSP").submissions.first)
            #expect(pending.kind == .withdrawal && pending.delegation == "Uganda")

            let clerk = Browser(client)
            _ = try await clerk.signIn("clerk")
            let queue = try await clerk.get("/meetings/7MSP/submissions").text
            #expect(queue.contains("<strong>withdrawal</strong>"))
            let detail = try await clerk.get("/meetings/7MSP/submissions/\(pending.id)").text
            // Text of the template itself, not escaped.
            #expect(detail.contains("Accept: record the delegation's withdrawal"))
            let token = try #require(Browser.csrfToken(detail))
            let accepted = try await clerk.post(
                "/meetings/7MSP/submissions/\(pending.id)/accept", form: [("csrf_token", token)])
            #expect(accepted.status == .seeOther)
            let roster = try desk.roster(meeting: "7MSP").roster.groups.flatMap { $0.delegations.map(\.name) }
            #expect(roster == ["Kenya"])
            // Withdrawn: the link's page offers no withdrawal any more.
            #expect(!(try await focal.get("/focal-point/\(uganda)").text.contains(#"id="withdrawal-form""#)))
        }
    }
}
