import Crypto
import Foundation
import MSPDomain
import MSPStore

/// What the store keeps of a portal session's id: its SHA-256. The id itself is only ever in the browser's cookie,
/// so a copy of the database (a backup, a stolen file) holds no id that would sign anyone in.
package enum SessionID {
    package static func hash(_ id: String) -> Data {
        Data(SHA256.hash(data: Data(id.utf8)))
    }
}

/// A session as the portal gets it back: what it saved, and how long it has left.
package struct PortalSessionRecord: Sendable, Equatable {
    package var data: Data
    package var secondsLeft: Int64

    package init(data: Data, secondsLeft: Int64) {
        self.data = data
        self.secondsLeft = secondsLeft
    }
}

extension RegistrationDesk {
    /// Keeps a portal session in the database under its id's hash, with who signed in with it (so that disabling the
    /// account ends it). `lifetime` nil keeps the session's expiry (a session not kept yet gets `fallbackLifetime`);
    /// `mustBeNew` refuses (`.conflict` on `session`) an id already in use. Expired sessions are deleted on the way.
    package func saveSession(
        id: String, data: Data, account: String?, lifetime: Int64?, fallbackLifetime: Int64, mustBeNew: Bool = false
    ) throws {
        try writing {
            let id = try checkedSessionID(id)
            let now = clock()
            try store.saveSession(
                idHash: SessionID.hash(id), account: account, data: data,
                expiresAt: lifetime.map { now.adding(seconds: max($0, 0)) },
                fallbackExpiry: now.adding(seconds: max(fallbackLifetime, 0)), now: now, mustBeNew: mustBeNew)
        }
    }

    /// The session with this id, unless there is none or it has expired.
    package func session(id: String) throws -> PortalSessionRecord? {
        try reading {
            guard let id = try? checkedSessionID(id) else { return nil }
            let now = clock()
            return try store.session(idHash: SessionID.hash(id), now: now).map {
                PortalSessionRecord(data: $0.data, secondsLeft: $0.expiresAt.secondsSinceEpoch - now.secondsSinceEpoch)
            }
        }
    }

    /// Ends a session (signing out).
    package func endSession(id: String) throws {
        try writing {
            guard let id = try? checkedSessionID(id) else { return }
            try store.removeSession(idHash: SessionID.hash(id))
        }
    }

    /// Deletes the sessions that have expired; returns how many.
    @discardableResult
    package func removeExpiredSessions() throws -> Int {
        try writing {
            try store.removeExpiredSessions(now: clock())
        }
    }

    private func checkedSessionID(_ id: String) throws -> String {
        guard !id.isEmpty, id.utf8.count <= SessionRules.maximumIdLength else {
            throw InputError("a session id is 1 to \(SessionRules.maximumIdLength) bytes", field: .session)
        }
        return id
    }

    /// What a focal point's link opens, as `focalPoint(token:)` says, with brute force held back: each look-up from
    /// `address` that finds no working link is counted, and after `LinkRules.failuresPerAddress` of them within
    /// `LinkRules.failureWindow` every look-up from that address is refused (`.throttled` on `token`), a working
    /// token's too, until the window passes. The portal's focal-point pages open links only through this.
    package func openFocalPoint(token: String, from address: String) throws -> FocalPointAccess {
        let now = clock()
        let since = now.adding(seconds: -LinkRules.failureWindow)
        do {
            return try reading {
                let failures = try store.linkFailures(address: address, since: since)
                guard !LinkRules.isThrottled(failuresFromAddress: failures) else {
                    throw InputError(
                        "too many links that do not work were opened from this address: try again in \(LinkRules.failureWindow / 60) minutes",
                        field: .token, reason: .throttled)
                }
                return try focalPoint(token: token)
            }
        } catch let error as InputError where error.reason == .notFound {
            // The failure is counted in a transaction of its own: the refusal must not roll it back.
            try writing { try store.recordLinkFailure(address: address, at: now, forgetBefore: since) }
            throw error
        }
    }
}
