import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MSPApplication
import MSPDomain
import MSPStore
import Testing

@testable import MSPServer

/// The portal over an in-memory database holding the 7MSP with a few notes (one with a name that looks like
/// markup, one late) and two accounts, started on a random loopback port for each test.
enum Portal7MSP {
    /// 1 September 2017, 12:00 UTC: after the 7MSP's deadline, before it opens.
    static let now = Instant(secondsSinceEpoch: 1_504_267_200)
    static let password = "correct horse battery staple"

    /// The desk over `store` (a fresh in-memory database unless given one).
    static func desk(store: Store? = nil) throws -> RegistrationDesk {
        // The lowest bcrypt cost: the tests check sign-in, not bcrypt's time.
        let desk = RegistrationDesk(
            store: try store ?? Store.inMemory(), user: "clerk", clock: { now }, passwordCost: 4)
        try desk.addMeeting(
            MeetingRequest(
                code: "7MSP", title: "Seventh Meeting of States Parties to the Convention on Cluster Munitions",
                convention: "CCM", opens: "2017-09-04", closes: "2017-09-06", deadline: "2017-08-18",
                timeZone: "Europe/Zurich", venue: "Palais des Nations, Room XIX, Geneva"))
        try desk.register(
            Submission(
                meeting: "7MSP", delegation: "Uganda", reference: "Note 45/2017",
                receivedAt: "2017-08-15T10:30:00+02:00",
                participants: [
                    .init(role: "head", title: "H.E. Mr.", name: "John Doe", function: "Ambassador"),
                    .init(role: "adviser", title: "Ms.", name: "<script>alert(1)</script>"),
                ]))
        try desk.register(
            Submission(
                meeting: "7MSP", delegation: "Kenya", reference: "Note KMG/DIS/17/4",
                receivedAt: "2017-08-18T18:30:00-04:00",
                participants: [.init(role: "head", title: "Ms.", name: "Wanjiru Kamau")]))
        _ = try desk.addAccount(name: "clerk", role: .secretariat, password: password)
        _ = try desk.addAccount(name: "reader", role: .viewer, password: password)
        return desk
    }

    /// Runs `test` against the portal on a random loopback port.
    static func test<Value: Sendable>(
        desk: RegistrationDesk? = nil, configuration: PortalConfiguration = .init(),
        _ test: @escaping @Sendable (TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let app = try Portal.application(desk: try desk ?? Self.desk(), configuration: configuration)
        return try await app.test(.live) { client in try await test(client) }
    }
}

/// A browser's memory of one site: the cookies it was given, sent back with each request.
actor Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get)
    }

    /// A form, `application/x-www-form-urlencoded`.
    func post(_ uri: String, form: [(String, String)]) async throws -> TestResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil)
        async throws -> TestResponse
    {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if line.contains("Max-Age=0") || line.contains("Expires=Thu, 01 Jan 1970") {
                cookies[String(pair[0])] = nil
            } else {
                cookies[String(pair[0])] = String(pair[1])
            }
        }
        return response
    }

    /// The CSRF token of the form on `page`.
    static func csrfToken(_ page: String) -> String? {
        guard let range = page.range(of: #"name="csrf_token" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Signs in through the form, as a person would.
    func signIn(_ name: String = "clerk", password: String = Portal7MSP.password, next: String = "/")
        async throws -> TestResponse
    {
        let form = try await get("/login")
        let token = try #require(Self.csrfToken(String(buffer: form.body)))
        return try await post(
            "/login", form: [("csrf_token", token), ("name", name), ("password", password), ("next", next)])
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
