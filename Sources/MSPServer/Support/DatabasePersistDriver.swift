import Foundation
import Hummingbird
import MSPApplication
import MSPDomain

/// A session that can say which account signed in with it, so that the database can end an account's sessions
/// when it is disabled.
protocol AccountBoundSession {
    var accountName: String? { get }
}

/// hummingbird-auth's session storage kept in the msp database (table `portal_session`, through the desk), so that
/// restarting `msp serve` signs nobody out.
///
/// `SessionStorage` hands this driver its keys as `prefix + session id` and never asks for a list of keys, so the
/// desk keeps only the SHA-256 of each key: the driver needs to find a session by the key it is given, never to
/// give a key back. Values are JSON; a session that says who signed in (`AccountBoundSession`) is kept with the
/// account's name, and `msp user disable` deletes those rows in its own transaction. Expiry is the desk's clock,
/// to the second; expired rows are never returned and are deleted as new sessions are saved (and when the portal
/// starts).
struct DatabasePersistDriver: PersistDriver {
    let desk: DeskRunner
    /// The life of a value saved without an expiry and not kept before (hummingbird-auth always gives one).
    let fallbackLifetime: Duration

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        do {
            try await save(key: key, value: value, expires: expires, mustBeNew: true)
        } catch let error as InputError where error.reason == .conflict {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await save(key: key, value: value, expires: expires, mustBeNew: false)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws
        -> (object: Object, ttl: Duration?)?
    {
        guard let found = try await desk.run({ try $0.session(id: key) }) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: found.data) else {
            throw PersistError.invalidConversion
        }
        return (object, .seconds(found.secondsLeft))
    }

    func remove(key: String) async throws {
        try await desk.run { try $0.endSession(id: key) }
    }

    private func save<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?, mustBeNew: Bool)
        async throws
    {
        let data = try JSONEncoder().encode(value)
        let account = (value as? any AccountBoundSession)?.accountName
        let lifetime = expires.map(Self.seconds)
        let fallback = Self.seconds(fallbackLifetime)
        try await desk.run {
            try $0.saveSession(
                id: key, data: data, account: account, lifetime: lifetime, fallbackLifetime: fallback,
                mustBeNew: mustBeNew)
        }
    }

    /// Whole seconds, rounded up (a session never ends before it was told to).
    static func seconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return attoseconds > 0 ? seconds + 1 : seconds
    }
}
