import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSPApplication
import MSPDocuments
import MSPDomain
import Testing

@testable import MSPServer

/// The portal's pages, headers, error pages, sign-in and CSRF check, over HTTP on a random loopback port.
@Suite struct PortalTests {
    @Test func healthSaysOkAndTheSchemaVersion() async throws {
        let desk = try Portal7MSP.desk()
        let version = try desk.store.schemaVersion()
        try await Portal7MSP.test(desk: desk) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "ok\nschema \(version)\n")
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await Portal7MSP.test { client in
            for uri in [
                "/", "/healthz", "/login", "/static/portal.css", "/no-such-page", "/meetings/7MSP/participants",
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                let csp = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                #expect(csp.contains("default-src 'none'"), "\(uri)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!csp.contains("unsafe-inline"), "\(uri)")
                #expect(!csp.contains("script-src"), "no script is allowed at all: \(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
            }
        }
    }

    @Test func pagesHaveNoInlineScriptOrStyle() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            for uri in ["/", "/login", "/meetings/7MSP/participants", "/meetings/7MSP/late-notes", "/nothing"] {
                let page = try await browser.get(uri).text
                #expect(!page.contains("<script"), "\(uri)")
                #expect(!page.contains("<style"), "\(uri)")
                #expect(!page.contains("style="), "\(uri)")
                #expect(page.contains(#"<link rel="stylesheet" href="/static/portal.css">"#), "\(uri)")
            }
        }
    }

    @Test func theStyleSheetsAreServedAsFiles() async throws {
        try await Portal7MSP.test { client in
            let portal = try await client.execute(uri: "/static/portal.css", method: .get)
            #expect(portal.status == .ok)
            #expect(portal.headers[.contentType] == "text/css; charset=utf-8")
            #expect(portal.text.contains(".portal-bar"))
            let roster = try await client.execute(uri: "/static/roster.css", method: .get)
            #expect(roster.text == RosterHTML.styleSheet && roster.text.contains(".masthead"))
            let missing = try await client.execute(uri: "/static/secret.txt", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func theHomePageAsksToSignInThenListsTheMeetings() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            let before = try await browser.get("/")
            #expect(before.status == .ok)
            #expect(before.text.contains(#"href="/login""#))
            #expect(!before.text.contains("7MSP"))
            _ = try await browser.signIn()
            let after = try await browser.get("/").text
            #expect(after.contains("Seventh Meeting of States Parties to the Convention on Cluster Munitions"))
            #expect(after.contains(#"href="/meetings/7MSP/participants""#))
            #expect(after.contains("clerk (secretariat)"))
        }
    }

    @Test func aMissingPageIsA404WithoutInternals() async throws {
        try await Portal7MSP.test { client in
            let response = try await client.execute(uri: "/etc/passwd", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>404 Not Found</h1>"))
            #expect(!response.text.contains("/etc/passwd"))
            let wrongMethod = try await client.execute(uri: "/healthz", method: .delete)
            #expect(wrongMethod.status.code >= 400)
            #expect(!wrongMethod.text.contains("Error"))
        }
    }

    @Test func aMeetingThatIsNotThereIsA404() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let response = try await browser.get("/meetings/9MSP/participants")
            #expect(response.status == .notFound)
            #expect(response.text.contains("9MSP"))
            #expect(response.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func theListOfParticipantsDownloadsAsAPDF() async throws {
        try await Portal7MSP.test { client in
            let signedOut = try await client.execute(uri: "/meetings/7MSP/participants.pdf", method: .get)
            #expect(signedOut.status == .seeOther)
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/meetings/7MSP/participants")
            #expect(page.text.contains(#"<a href="/meetings/7MSP/participants.pdf" download>"#))
            let response = try await browser.get("/meetings/7MSP/participants.pdf")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(response.headers[.contentDisposition] == #"attachment; filename="7MSP-participants.pdf""#)
            #expect(response.text.hasPrefix("%PDF-"))
            #expect(response.text.contains("/Title (7MSP: Provisional list of participants)"))
            let missing = try await browser.get("/meetings/9MSP/participants.pdf")
            #expect(missing.status == .notFound)
        }
    }

    @Test func aServerErrorShowsNoStackTracePathOrSQL() async throws {
        let desk = try Portal7MSP.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            // The meetings' table goes away under the server: every read of a meeting now fails inside SQLite,
            // with an error that names the table and the SQL.
            try await desk.store.writer.write { try $0.execute(sql: "ALTER TABLE meeting RENAME TO meeting_gone") }
            let response = try await browser.get("/meetings/7MSP/late-notes")
            #expect(response.status == .internalServerError)
            #expect(response.headers[.contentSecurityPolicy] != nil)
            let page = response.text
            #expect(page.contains("<h1>500 Internal Server Error</h1>"))
            for leak in ["SQL", "sqlite", "GRDB", "Database", ".swift", "/work", "Sources", "select", "SELECT"] {
                #expect(!page.contains(leak), "\(leak)")
            }
        }
    }

    @Test func theMeetingPagesNeedSignIn() async throws {
        try await Portal7MSP.test { client in
            for uri in ["/meetings/7MSP/participants", "/meetings/7MSP/late-notes"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=\(uri)")
                #expect(!response.text.contains("Uganda"))
            }
        }
    }

    @Test func signingInSetsAStrictHttpOnlyCookieAndGoesWhereThePersonWasGoing() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            let form = try await browser.get("/login")
            #expect(form.status == .ok)
            let anonymous = try #require(await browser.cookies["msp_session"])
            let response = try await browser.signIn(next: "/meetings/7MSP/participants")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/meetings/7MSP/participants")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("msp_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"), "plain http on loopback: no Secure")
            #expect(await browser.cookies["msp_session"] != anonymous, "a new session id on sign-in")
            let page = try await browser.get("/meetings/7MSP/participants")
            #expect(page.status == .ok)
        }
    }

    @Test func behindTLSTheCookieIsSecure() async throws {
        let configuration = PortalConfiguration(baseURL: URL(string: "https://msp.example.org"))
        try await Portal7MSP.test(configuration: configuration) { client in
            let browser = Browser(client)
            let form = try await browser.get("/login")
            let cookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("msp_session=") })
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
        }
    }

    @Test func aWrongPasswordShowsTheFormAgainWithTheErrorAtTheField() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            let response = try await browser.signIn(password: "not the password at all")
            #expect(response.status == .unauthorized)
            let page = response.text
            #expect(page.contains(#"id="password-error""#))
            #expect(page.contains("The name or the password is not right."))
            #expect(page.contains(#"value="clerk""#), "the name typed stays")
            #expect(!page.contains("not the password at all"), "the password never comes back")
            let after = try await browser.get("/meetings/7MSP/participants")
            #expect(after.status == .seeOther)
        }
    }

    @Test func anEmptyNameIs422AtTheNameField() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            let response = try await browser.signIn("  ")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(#"id="name-error""#))
        }
    }

    @Test func aNameHeldBackAfterFailuresIs429() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            for _ in 0..<AccountRules.failuresPerName {
                #expect(try await browser.signIn(password: "wrong password here").status == .unauthorized)
            }
            let held = try await browser.signIn()
            #expect(held.status == .tooManyRequests)
            #expect(held.text.contains(#"id="password-error""#))
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            _ = try await browser.get("/login")
            let missing = try await browser.post(
                "/login", form: [("name", "clerk"), ("password", Portal7MSP.password)])
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("<h1>403 Forbidden</h1>"))
            let wrong = try await browser.post(
                "/login",
                form: [
                    ("csrf_token", String(repeating: "0", count: 64)), ("name", "clerk"),
                    ("password", Portal7MSP.password),
                ])
            #expect(wrong.status == .forbidden)
            #expect(await browser.cookies["msp_session"] != nil)
            #expect(try await browser.get("/meetings/7MSP/late-notes").status == .seeOther, "not signed in")
            // Signed in, a sign-out without the token is refused too, and the session goes on.
            _ = try await browser.signIn()
            let logout = try await browser.post("/logout", form: [])
            #expect(logout.status == .forbidden)
            #expect(try await browser.get("/meetings/7MSP/late-notes").status == .ok)
        }
    }

    @Test func aFormFromAnotherBrowserIsRefused() async throws {
        try await Portal7MSP.test { client in
            let mine = Browser(client)
            let form = try await mine.get("/login")
            let token = try #require(Browser.csrfToken(form.text))
            // Another browser (no cookie, or its own session) posting my token.
            let other = Browser(client)
            _ = try await other.get("/login")
            let response = try await other.post(
                "/login", form: [("csrf_token", token), ("name", "clerk"), ("password", Portal7MSP.password)])
            #expect(response.status == .forbidden)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let home = try await browser.get("/").text
            let token = try #require(Browser.csrfToken(home))
            let response = try await browser.post("/logout", form: [("csrf_token", token)])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            #expect(try await browser.get("/meetings/7MSP/participants").status == .seeOther)
        }
    }

    @Test func theListOfParticipantsIsExportRostersDocument() async throws {
        let desk = try Portal7MSP.desk()
        let (meeting, roster) = try desk.roster(meeting: "7MSP")
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            let page = try await browser.get("/meetings/7MSP/participants")
            #expect(page.status == .ok)
            #expect(page.text.contains(RosterHTML.body(roster, meeting: meeting).markup))
            #expect(page.text.contains(#"<link rel="stylesheet" href="/static/roster.css">"#))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("<title>7MSP: Provisional list of participants</title>"))
        }
    }

    @Test func theLateNotesPageListsEachWithItsDecision() async throws {
        try await Portal7MSP.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            let page = try await browser.get("/meetings/7MSP/late-notes")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("<h1>Late notes: 7MSP</h1>"))
            #expect(text.contains("<bdi>Kenya</bdi>"))
            #expect(text.contains("2017-08-19T00:30:00+02:00"))
            #expect(text.contains("pending"))
            #expect(!text.contains("Uganda"), "on time")
        }
    }

    @Test func aDisabledAccountLosesItsSessionAtOnce() async throws {
        let desk = try Portal7MSP.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            #expect(try await browser.get("/meetings/7MSP/participants").status == .ok)
            _ = try desk.disableAccount(name: "reader")
            #expect(try await browser.get("/meetings/7MSP/participants").status == .seeOther)
        }
    }

    @Test func aSignInGoesOnlyToAPathOfThisSite() {
        #expect(LoginTarget.safe("/meetings/7MSP/participants") == "/meetings/7MSP/participants")
        for hostile in ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", nil] {
            #expect(LoginTarget.safe(hostile) == "/")
        }
    }

    @Test func tokensAreLongRandomAndComparedWhole() {
        let a = Secrets.token()
        let b = Secrets.token()
        #expect(a.count == 64)
        #expect(a != b)
        #expect(Secrets.equal(a, a))
        #expect(!Secrets.equal(a, b))
        #expect(!Secrets.equal(a, String(a.dropLast())))
    }
}
