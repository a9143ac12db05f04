import Foundation
import GRDB
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// What the portal keeps of its visitors in the database: sessions under their ids' hashes, with expiry, ended when
/// their account is disabled; and failed look-ups of focal points' links, which hold an address back.
@Suite struct PortalAccessTests {
    /// A desk whose clock can be moved.
    final class Clock: @unchecked Sendable {
        var now = Desk.now
    }

    static func desk(_ clock: Clock) throws -> RegistrationDesk {
        var desk = try Desk.sevenMSP()
        desk.clock = { clock.now }
        return desk
    }

    static let id = "session.q0Xk2mUuB6y8xgk5k7yJ0lZbHf3oXgqYlT1m7g8S9aA="

    @Test func aSessionIsKeptUnderTheHashOfItsIdOnly() throws {
        let clock = Clock()
        let desk = try Self.desk(clock)
        try desk.saveSession(
            id: Self.id, data: Data("{\"a\":1}".utf8), account: "clerk", lifetime: 3600, fallbackLifetime: 60)
        let found = try #require(try desk.session(id: Self.id))
        #expect(found == PortalSessionRecord(data: Data("{\"a\":1}".utf8), secondsLeft: 3600))
        #expect(try desk.session(id: Self.id + "x") == nil)
        let stored = try desk.store.read { db in
            try Row.fetchAll(db, sql: "SELECT hex(id_hash) AS hash, account_name, expires_at FROM portal_session")
        }
        #expect(stored.count == 1)
        #expect(stored[0]["hash"] == SessionID.hash(Self.id).map { String(format: "%02X", $0) }.joined())
        #expect(stored[0]["account_name"] == "clerk")
        #expect(stored[0]["expires_at"] == Desk.now.secondsSinceEpoch + 3600)
        // Nothing in the database holds the id.
        let dump = try desk.store.read { db in
            try String.fetchAll(db, sql: "SELECT quote(id_hash) || quote(data) FROM portal_session")
        }
        #expect(!dump.joined().contains("q0Xk2mUuB6y8"))
    }

    @Test func savingWithoutALifetimeKeepsTheExpiryAndCreatingAnIdInUseIsAConflict() throws {
        let clock = Clock()
        let desk = try Self.desk(clock)
        try desk.saveSession(id: Self.id, data: Data("1".utf8), account: nil, lifetime: 600, fallbackLifetime: 60)
        clock.now = Desk.now.adding(seconds: 100)
        try desk.saveSession(id: Self.id, data: Data("2".utf8), account: "clerk", lifetime: nil, fallbackLifetime: 60)
        #expect(try desk.session(id: Self.id) == PortalSessionRecord(data: Data("2".utf8), secondsLeft: 500))
        let conflict = #expect(throws: InputError.self) {
            try desk.saveSession(
                id: Self.id, data: Data("3".utf8), account: nil, lifetime: 600, fallbackLifetime: 60, mustBeNew: true)
        }
        #expect(conflict?.reason == .conflict)
        // A new id saved without a lifetime gets the fallback.
        try desk.saveSession(id: "other", data: Data("4".utf8), account: nil, lifetime: nil, fallbackLifetime: 60)
        #expect(try desk.session(id: "other")?.secondsLeft == 60)
    }

    @Test func anExpiredSessionIsNotFoundAndIsDeleted() throws {
        let clock = Clock()
        let desk = try Self.desk(clock)
        try desk.saveSession(id: Self.id, data: Data("1".utf8), account: "clerk", lifetime: 60, fallbackLifetime: 60)
        try desk.saveSession(id: "later", data: Data("2".utf8), account: nil, lifetime: 7200, fallbackLifetime: 60)
        clock.now = Desk.now.adding(seconds: 59)
        #expect(try desk.session(id: Self.id) != nil)
        clock.now = Desk.now.adding(seconds: 60)
        #expect(try desk.session(id: Self.id) == nil)
        #expect(try desk.store.sessionCount() == 2, "found no more, not deleted yet")
        #expect(try desk.removeExpiredSessions() == 1)
        #expect(try desk.store.sessionCount() == 1)
        #expect(try desk.session(id: "later") != nil)
        // Saving a session deletes the expired ones on the way.
        clock.now = Desk.now.adding(seconds: 7200)
        try desk.saveSession(id: "new", data: Data("3".utf8), account: nil, lifetime: 60, fallbackLifetime: 60)
        #expect(try desk.store.sessionCount() == 1)
    }

    @Test func endingASessionDeletesIt() throws {
        let desk = try Self.desk(Clock())
        try desk.saveSession(id: Self.id, data: Data("1".utf8), account: "clerk", lifetime: 60, fallbackLifetime: 60)
        try desk.endSession(id: Self.id)
        #expect(try desk.session(id: Self.id) == nil)
        #expect(try desk.store.sessionCount() == 0)
        try desk.endSession(id: Self.id)
    }

    @Test func disablingAnAccountEndsItsSessionsAtOnceAndNoOneElses() throws {
        let desk = try Self.desk(Clock())
        _ = try desk.addAccount(name: "j.dupont", role: .secretariat, password: "correct horse battery staple")
        try desk.saveSession(id: "a", data: Data("1".utf8), account: "j.dupont", lifetime: 60, fallbackLifetime: 60)
        try desk.saveSession(id: "b", data: Data("1".utf8), account: "J.Dupont", lifetime: 60, fallbackLifetime: 60)
        try desk.saveSession(id: "c", data: Data("1".utf8), account: "other", lifetime: 60, fallbackLifetime: 60)
        try desk.saveSession(id: "d", data: Data("1".utf8), account: nil, lifetime: 60, fallbackLifetime: 60)
        _ = try desk.disableAccount(name: "j.dupont")
        #expect(try desk.session(id: "a") == nil && desk.session(id: "b") == nil)
        #expect(try desk.session(id: "c") != nil && desk.session(id: "d") != nil)
    }

    @Test(arguments: ["", String(repeating: "x", count: SessionRules.maximumIdLength + 1)])
    func anIdThatCannotBeASessionsIsRefusedOrNotFound(id: String) throws {
        let desk = try Self.desk(Clock())
        #expect(throws: InputError.self) {
            try desk.saveSession(id: id, data: Data(), account: nil, lifetime: 60, fallbackLifetime: 60)
        }
        #expect(try desk.session(id: id) == nil)
    }

    @Test func failedLinksFromAnAddressHoldItBackForEveryTokenUntilTheWindowPasses() throws {
        let clock = Clock()
        let desk = try Self.desk(clock)
        let (_, token) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@mission.example"))
        #expect(try desk.openFocalPoint(token: token, from: "192.0.2.7").delegation == "Uganda")
        let unknown = FocalPointToken.generate()
        for attempt in 1...LinkRules.failuresPerAddress {
            let refused = #expect(throws: InputError.self) {
                try desk.openFocalPoint(token: attempt.isMultiple(of: 2) ? unknown : "not a token", from: "192.0.2.7")
            }
            #expect(refused?.reason == .notFound && refused?.field == .token)
        }
        // Held back: the working token too, and an unknown one is refused alike (not counted again).
        for tried in [token, unknown] {
            let held = #expect(throws: InputError.self) { try desk.openFocalPoint(token: tried, from: "192.0.2.7") }
            #expect(held?.reason == .throttled && held?.field == .token)
        }
        #expect(try desk.store.linkFailures(address: "192.0.2.7", since: Desk.now) == LinkRules.failuresPerAddress)
        // Another address is not held back.
        #expect(try desk.openFocalPoint(token: token, from: "192.0.2.8").delegation == "Uganda")
        // Working links are not counted: many opens from one address stay open.
        for _ in 0..<(LinkRules.failuresPerAddress + 5) {
            _ = try desk.openFocalPoint(token: token, from: "198.51.100.1")
        }
        // When the window has passed, the address is let through again, and old failures are forgotten.
        clock.now = Desk.now.adding(seconds: LinkRules.failureWindow + 1)
        #expect(try desk.openFocalPoint(token: token, from: "192.0.2.7").delegation == "Uganda")
        #expect(throws: InputError.self) { try desk.openFocalPoint(token: unknown, from: "192.0.2.7") }
        #expect(try desk.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM link_failure") } == 1)
    }

    @Test func aRevokedLinkCountsAsAFailure() throws {
        let desk = try Self.desk(Clock())
        let (_, token) = try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "focal@mission.example"))
        _ = try desk.revokeFocalPoint(delegation: "Uganda")
        let refused = #expect(throws: InputError.self) { try desk.openFocalPoint(token: token, from: "192.0.2.7") }
        #expect(refused?.reason == .notFound)
        #expect(try desk.store.linkFailures(address: "192.0.2.7", since: Desk.now) == 1)
    }
}
