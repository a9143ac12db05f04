import Foundation
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// The secretariat's accounts for the portal: names, passwords kept as bcrypt hashes, disabling, and sign-in with
/// failures slowed down.
@Suite struct AccountTests {
    static let password = "correct horse battery staple"

    /// A desk whose clock can be moved, for the sign-in window.
    final class Clock: @unchecked Sendable {
        var now = Desk.now
    }

    static func desk(_ clock: Clock = Clock()) throws -> RegistrationDesk {
        RegistrationDesk(store: try Store.inMemory(), user: "admin", clock: { clock.now }, passwordCost: 4)
    }

    @Test func anAccountIsAddedListedAndSignsInWithItsPassword() throws {
        let desk = try Self.desk()
        let added = try desk.addAccount(name: "j.dupont", role: .secretariat, password: Self.password)
        #expect(added == Account(name: "j.dupont", role: .secretariat, createdAt: Desk.now))
        try desk.addAccount(name: "a.viewer", role: .viewer, password: "another long passphrase")
        #expect(try desk.accounts().map(\.name) == ["a.viewer", "j.dupont"])
        #expect(try desk.signIn(name: "j.dupont", password: Self.password, from: "127.0.0.1")?.role == .secretariat)
        // The name is found whatever its case; the password is not.
        #expect(try desk.signIn(name: "J.Dupont", password: Self.password, from: "127.0.0.1") != nil)
        #expect(try desk.signIn(name: "j.dupont", password: Self.password.uppercased(), from: "127.0.0.1") == nil)
        #expect(try desk.signIn(name: "nobody", password: Self.password, from: "127.0.0.1") == nil)
    }

    @Test func onlyTheBcryptHashIsStored() throws {
        let desk = try Self.desk()
        try desk.addAccount(name: "j.dupont", role: .secretariat, password: Self.password)
        let (_, hash) = try #require(try desk.store.account(named: "j.dupont"))
        #expect(hash.hasPrefix("$2b$04$") && hash.count == 60)
        #expect(!hash.contains(Self.password))
        let rows = try desk.store.read { db in
            try String.fetchAll(db, sql: "SELECT name || role || password_hash FROM account")
        }
        #expect(rows.count == 1 && !rows[0].contains("horse"))
    }

    @Test(arguments: ["", "   ", "j dupont", "jean;drop", String(repeating: "a", count: 65), "名前"])
    func aNamePeopleCannotTypeIsRefused(name: String) throws {
        let desk = try Self.desk()
        let error = #expect(throws: InputError.self) {
            try desk.addAccount(name: name, role: .viewer, password: Self.password)
        }
        #expect(error?.field == .accountName)
        #expect(try desk.accounts().isEmpty)
    }

    @Test(arguments: ["short", "eleven char", String(repeating: "é", count: 37), "tab\there and more"])
    func aPasswordTooShortTooLongOrWithControlCharactersIsRefused(password: String) throws {
        let desk = try Self.desk()
        let error = #expect(throws: InputError.self) {
            try desk.addAccount(name: "j.dupont", role: .viewer, password: password)
        }
        #expect(error?.field == .password)
        #expect(try desk.accounts().isEmpty)
    }

    @Test func aNameUsedAlreadyWhateverItsCaseIsAConflict() throws {
        let desk = try Self.desk()
        try desk.addAccount(name: "j.dupont", role: .secretariat, password: Self.password)
        let error = #expect(throws: InputError.self) {
            try desk.addAccount(name: "J.DUPONT", role: .viewer, password: "another long passphrase")
        }
        #expect(error?.reason == .conflict && error?.field == .accountName)
        #expect(try desk.accounts().map(\.role) == [.secretariat])
    }

    @Test func aDisabledAccountCannotSignInAndStaysListed() throws {
        let desk = try Self.desk()
        try desk.addAccount(name: "j.dupont", role: .secretariat, password: Self.password)
        let disabled = try desk.disableAccount(name: "j.dupont")
        #expect(disabled.disabledAt == Desk.now && !disabled.isActive)
        #expect(try desk.signIn(name: "j.dupont", password: Self.password, from: "127.0.0.1") == nil)
        #expect(try desk.accounts().map(\.isActive) == [false])
        let unknown = #expect(throws: InputError.self) { try desk.disableAccount(name: "nobody") }
        #expect(unknown?.reason == .notFound)
    }

    @Test func afterFiveFailuresForANameEvenTheRightPasswordWaitsForTheWindow() throws {
        let clock = Clock()
        let desk = try Self.desk(clock)
        try desk.addAccount(name: "j.dupont", role: .secretariat, password: Self.password)
        for attempt in 1...AccountRules.failuresPerName {
            #expect(
                try desk.signIn(name: "j.dupont", password: "guess \(attempt) guess", from: "10.0.0.\(attempt)") == nil)
        }
        let held = #expect(throws: InputError.self) {
            try desk.signIn(name: "j.dupont", password: Self.password, from: "127.0.0.1")
        }
        #expect(held?.reason == .throttled)
        // Another account is not held back by these failures.
        try desk.addAccount(name: "a.viewer", role: .viewer, password: "another long passphrase")
        #expect(try desk.signIn(name: "a.viewer", password: "another long passphrase", from: "127.0.0.1") != nil)
        // Fifteen minutes after the failures, the right password works again.
        clock.now = Desk.now.adding(seconds: AccountRules.failureWindow + 1)
        #expect(try desk.signIn(name: "j.dupont", password: Self.password, from: "127.0.0.1") != nil)
    }

    @Test func afterTwentyFailuresFromAnAddressEveryNameFromItWaits() throws {
        let desk = try Self.desk()
        try desk.addAccount(name: "j.dupont", role: .secretariat, password: Self.password)
        for attempt in 1...AccountRules.failuresPerAddress {
            #expect(try desk.signIn(name: "guess\(attempt)", password: Self.password, from: "192.0.2.7") == nil)
        }
        let held = #expect(throws: InputError.self) {
            try desk.signIn(name: "j.dupont", password: Self.password, from: "192.0.2.7")
        }
        #expect(held?.reason == .throttled)
        #expect(try desk.signIn(name: "j.dupont", password: Self.password, from: "192.0.2.8") != nil)
    }
}
