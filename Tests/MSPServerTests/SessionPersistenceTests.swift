import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSPApplication
import MSPDomain
import MSPStore
import Testing

@testable import MSPServer

/// Sessions kept in the database: a restart signs nobody out, a session ends when it expires or its account is
/// disabled, and the database keeps only the hash of a session's id. And focal points' links held back per address
/// after too many that do not work.
@Suite struct SessionPersistenceTests {
    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Portal7MSP.now
        var now: Instant {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    /// A fresh database file in a folder of its own.
    static func databasePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msp-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("portal.sqlite").path
    }

    @Test func aRestartOverTheSameDatabaseKeepsPeopleSignedIn() async throws {
        let path = try Self.databasePath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let first = try Store(path: path)
        let cookies = try await Portal7MSP.test(desk: try Portal7MSP.desk(store: first)) {
            client async throws -> [String: String] in
            let browser = Browser(client)
            #expect(try await browser.signIn(next: "/meetings/7MSP/participants").status == .seeOther)
            #expect(try await browser.get("/meetings/7MSP/participants").status == .ok)
            return await browser.cookies
        }
        first.close()
        let session = try #require(cookies["msp_session"])

        // The database keeps the hash of the key hummingbird-auth gives (prefix and id), never the id.
        let second = try Store(path: path)
        defer { second.close() }
        let stored = try second.read { db in
            try Row.fetchAll(db, sql: "SELECT id_hash, account_name, data FROM portal_session")
        }
        let signedIn = try #require(stored.first { ($0["account_name"] as String?) == "clerk" })
        #expect(signedIn["id_hash"] == SessionID.hash("session." + session))
        for row in stored {
            #expect(!String(decoding: row["data"] as Data, as: UTF8.self).contains(session))
        }

        // Another application over the same file: the browser's cookie still signs it in.
        try await Portal7MSP.test(desk: RegistrationDesk(store: second, user: "clerk", clock: { Portal7MSP.now })) {
            client in
            let browser = Browser(client)
            await browser.adopt(cookies)
            let page = try await browser.get("/meetings/7MSP/participants")
            #expect(page.status == .ok)
            #expect(page.text.contains("clerk"))
            // Signing out deletes the session from the database.
            let token = try #require(Browser.csrfToken(try await browser.get("/").text))
            #expect(try await browser.post("/logout", form: [("csrf_token", token)]).status == .seeOther)
            #expect(try second.sessionCount(account: "clerk") == 0)
            await browser.adopt(cookies)
            #expect(try await browser.get("/meetings/7MSP/participants").status == .seeOther)
        }
    }

    @Test func aSessionEndsWhenItExpiresAndIsDeleted() async throws {
        let clock = Clock()
        var moving = try Portal7MSP.desk()
        moving.clock = { clock.now }
        let desk = moving
        let lifetime: Int64 = 600
        try await Portal7MSP.test(desk: desk, configuration: .init(port: 0, sessionLifetime: .seconds(lifetime))) {
            client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            clock.now = Portal7MSP.now.adding(seconds: lifetime - 1)
            #expect(try await browser.get("/meetings/7MSP/late-notes").status == .ok)
            clock.now = Portal7MSP.now.adding(seconds: lifetime)
            let after = try await browser.get("/meetings/7MSP/late-notes")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login?next=/meetings/7MSP/late-notes")
            #expect(try desk.store.sessionCount(account: "clerk") == 1, "kept until swept, but not found")
            // A new session (the sign-in form's) sweeps the expired ones away.
            _ = try await Browser(client).get("/login")
            #expect(try desk.store.sessionCount(account: "clerk") == 0)
        }
    }

    @Test func disablingAnAccountDeletesItsSessionsAtOnce() async throws {
        let desk = try Portal7MSP.desk()
        try await Portal7MSP.test(desk: desk) { client in
            let reader = Browser(client)
            let clerk = Browser(client)
            _ = try await reader.signIn("reader")
            _ = try await clerk.signIn("clerk")
            #expect(try desk.store.sessionCount(account: "reader") == 1)
            _ = try desk.disableAccount(name: "reader")
            #expect(try desk.store.sessionCount(account: "reader") == 0, "before any request")
            #expect(try await reader.get("/meetings/7MSP/participants").status == .seeOther)
            #expect(try await clerk.get("/meetings/7MSP/participants").status == .ok)
        }
    }

    @Test func aSessionWrittenByAnotherVersionIsDroppedNotAnError() async throws {
        let desk = try Portal7MSP.desk()
        try desk.saveSession(
            id: "session.forged", data: Data("{\"unexpected\":true}".utf8), account: nil, lifetime: 600,
            fallbackLifetime: 600)
        try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            await browser.adopt(["msp_session": "forged"])
            // A page that makes no session of its own: the unreadable one is deleted and its cookie expired.
            let page = try await browser.get("/healthz")
            #expect(page.status == .ok)
            #expect(try desk.session(id: "session.forged") == nil)
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("msp_session=") })
        }
    }

    /// The helper the focal-point pages call, on a route of the test's own.
    static func linkApplication(desk: RegistrationDesk) throws -> some ApplicationProtocol {
        let router = try Portal.router(desk: desk, configuration: .init())
        let runner = DeskRunner(desk: desk)
        router.get("/test-link/{token}") { request, context -> String in
            let access = try await runner.openFocalPoint(
                token: context.parameters.require("token"), request: request, context: context)
            return access.delegation
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test func linksThatDoNotWorkHoldTheAddressBackWith429ForEveryToken() async throws {
        let desk = try Portal7MSP.desk()
        let (_, token) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@mission.example"))
        try await Self.linkApplication(desk: desk).test(.live) { client in
            func open(_ token: String, from address: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/test-link/\(token)", method: .get, headers: [HTTPField.Name("X-Real-IP")!: address])
            }
            let working = try await open(token, from: "192.0.2.7")
            #expect(working.status == .ok && working.text == "Uganda")
            for _ in 1...LinkRules.failuresPerAddress {
                #expect(try await open(FocalPointToken.generate(), from: "192.0.2.7").status == .notFound)
            }
            let held = try await open(token, from: "192.0.2.7")
            #expect(held.status == .tooManyRequests)
            #expect(held.text.contains("too many links that do not work"))
            #expect(!held.text.contains("Uganda"))
            #expect(try await open(FocalPointToken.generate(), from: "192.0.2.7").status == .tooManyRequests)
            // Another address (behind the same proxy) is not held back.
            #expect(try await open(token, from: "192.0.2.8").status == .ok)
        }
    }
}

extension Browser {
    /// Takes another browser's cookies (the same person after the server restarted).
    func adopt(_ cookies: [String: String]) {
        self.cookies = cookies
    }
}
