import Crypto
import Foundation
import MSPDomain
import MSPStore

/// A focal point as a front end names one: the delegation, by any name that finds it, and the address the
/// secretariat sends the link to.
package struct FocalPointRequest: Sendable, Equatable {
    /// A State, or an organization already known (one is not created here).
    package var delegation: String
    package var email: String

    package init(delegation: String, email: String) {
        self.delegation = delegation
        self.email = email
    }
}

/// A new link for a delegation's focal point, in place of its working one.
package struct FocalPointReissue: Sendable, Equatable {
    package var delegation: String
    /// The new address, when the focal point changed; nil keeps the address of the link replaced.
    package var email: String?
    /// Why, if the secretariat says (kept in the history).
    package var reason: String?

    package init(delegation: String, email: String? = nil, reason: String? = nil) {
        self.delegation = delegation
        self.email = email
        self.reason = reason
    }
}

/// A link issued to a delegation's focal point for a meeting, as the secretariat sees it: never its token.
package struct FocalPoint: Sendable, Equatable {
    package enum Status: String, Sendable, Equatable {
        /// The link works.
        case active
        /// The link stopped working: revoked, or replaced by a re-issued one.
        case revoked
    }

    package var meeting: Meeting
    package var represented: Represented
    /// The delegation's name at the meeting (a State's as on the opening day).
    package var delegation: String
    package var email: String
    package var issuedAt: Instant
    package var issuedBy: String
    /// Whether the link was re-issued in place of an earlier one.
    package var reissued: Bool
    package var revokedAt: Instant?
    package var revokedBy: String?

    package var status: Status { revokedAt == nil ? .active : .revoked }

    init(_ entry: FocalPointEntry, meeting: Meeting) {
        self.meeting = meeting
        represented = entry.represented
        delegation = entry.delegation
        email = entry.email
        issuedAt = entry.issued.at
        issuedBy = entry.issued.by
        reissued = entry.replaces != nil
        revokedAt = entry.revoked?.at
        revokedBy = entry.revoked?.by
    }
}

/// What a focal point's link gives access to: one delegation at one meeting, nothing else.
package struct FocalPointAccess: Sendable, Equatable {
    package var meeting: Meeting
    /// The State or organization the focal point acts for (what a submission through the link is about).
    package var represented: Represented
    /// Its name at the meeting.
    package var delegation: String
    /// The address the link was sent to.
    package var email: String
    package var issuedAt: Instant
    /// The link's row: what a submission through it is recorded as coming through.
    package var focalPointId: Int64
}

/// The secret a focal point's link carries, and what the store keeps of it.
package enum FocalPointToken {
    /// Random bytes in a token: 256 bits, from the system's cryptographically secure generator.
    package static let byteCount = 32
    /// Characters in a token: 32 bytes in unpadded base64url.
    package static let length = 43

    /// A new token: `byteCount` bytes from `SystemRandomNumberGenerator` (the kernel's CSPRNG), in unpadded base64url
    /// (`A-Z a-z 0-9 - _`), safe in a URL's path as it is.
    package static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        while bytes.count < byteCount {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes.prefix(byteCount)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of the token's UTF-8 bytes: the only thing the database keeps.
    package static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// Whether `text` has a token's form: `length` base64url characters. Checked before any lookup; what it tells
    /// is only whether the text could be a token, nothing about tokens issued.
    package static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == length
            && text.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }
}

/// The link a focal point is sent: `BASE/focal-point/TOKEN`.
package enum FocalPointLink {
    /// Where the portal is when nothing says otherwise: `msp serve`'s default address.
    package static let defaultBase = "http://127.0.0.1:8080"

    /// The link for `token` under `base` (an http or https URL; a trailing slash is dropped); a base that is not such
    /// a URL is refused on `base_url`.
    package static func url(base: String, token: String) throws -> String {
        try checkedBase(base) + "/focal-point/" + token
    }

    /// `base` without its trailing slashes, refused unless it is an http:// or https:// URL with a host and no
    /// query, fragment, space or control character.
    package static func checkedBase(_ base: String) throws -> String {
        var text = base.trimmed
        while text.hasSuffix("/") { text.removeLast() }
        let lowered = text.lowercased()
        let scheme = ["https://", "http://"].first { lowered.hasPrefix($0) }
        guard let scheme, text.count > scheme.count, !text.containsControlCharacter,
            !text.contains(where: { $0 == " " || $0 == "?" || $0 == "#" })
        else {
            throw InputError(
                "'\(base)' is not a base URL for the links: give one such as https://msp.example.org",
                field: .baseURL)
        }
        return text
    }
}

extension RegistrationDesk {
    /// Names a delegation's focal point for a meeting and issues their personal link. Returns the focal point and
    /// the link's token, which is kept nowhere: the front end shows or sends it once.
    ///
    /// The delegation is a State or an organization already known (a new organization is created by its first
    /// note, not here); it need not have sent a note yet. A delegation has one working link per meeting: a second is
    /// refused (`.conflict`) and the secretariat re-issues or revokes the first.
    package func addFocalPoint(_ request: FocalPointRequest, meeting code: String? = nil) throws -> (
        FocalPoint, token: String
    ) {
        try writing {
            let stored = try meeting(code: code)
            let represented = try knownDelegation(
                request.delegation, meeting: stored, then: "a focal point is named for a State or a known organization")
            let email = try focalPointEmail(request.email)
            if let working = try store.focalPoints(of: represented, meeting: stored).last(where: \.isActive) {
                throw InputError(
                    "\(working.delegation) has a focal point for \(stored.meeting.code) already (\(working.email)): re-issue the link to send a new one (to a new address if need be), or revoke it",
                    field: .delegation, reason: .conflict)
            }
            let token = FocalPointToken.generate()
            let entry = try store.issueFocalPoint(
                represented, email: email, tokenHash: FocalPointToken.hash(token), meeting: stored,
                change: change("focal-point add"))
            return (FocalPoint(entry, meeting: stored.meeting), token)
        }
    }

    /// The meeting's focal points: for each delegation that has had one, its newest link (working or not), in the
    /// order of the list of participants' names.
    package func focalPoints(meeting code: String? = nil) throws -> (meeting: Meeting, focalPoints: [FocalPoint]) {
        try reading {
            let stored = try meeting(code: code)
            var newest: [Represented: FocalPointEntry] = [:]
            for entry in try store.focalPoints(meeting: stored) { newest[entry.represented] = entry }
            let sorted = newest.values.map { (key: NameKey.sortKey($0.delegation), entry: $0) }
                .sorted { ($0.key, $0.entry.id) < ($1.key, $1.entry.id) }
            return (stored.meeting, sorted.map { FocalPoint($0.entry, meeting: stored.meeting) })
        }
    }

    /// Issues a new link to a delegation's focal point (to a new address if one is given): the old link stops
    /// working at once, in the same change. A delegation without a working link is `.notFound`.
    package func reissueFocalPoint(_ request: FocalPointReissue, meeting code: String? = nil) throws -> (
        FocalPoint, token: String
    ) {
        try writing {
            let stored = try meeting(code: code)
            let represented = try knownDelegation(request.delegation, meeting: stored)
            let email = try request.email.map(focalPointEmail)
            let working = try workingFocalPoint(represented, meeting: stored, to: "re-issue")
            let token = FocalPointToken.generate()
            let entry = try store.issueFocalPoint(
                represented, email: email ?? working.email, tokenHash: FocalPointToken.hash(token), meeting: stored,
                change: change(
                    "focal-point reissue",
                    reason: try request.reason.checkedText("reason", field: .reason)?.trimmedOrNil),
                replacing: working.id)
            return (FocalPoint(entry, meeting: stored.meeting), token)
        }
    }

    /// Revokes a delegation's working link: it stops working at once. A delegation without one is `.notFound`.
    package func revokeFocalPoint(delegation: String, reason: String? = nil, meeting code: String? = nil) throws
        -> FocalPoint
    {
        try writing {
            let stored = try meeting(code: code)
            let represented = try knownDelegation(delegation, meeting: stored)
            let working = try workingFocalPoint(represented, meeting: stored, to: "revoke")
            let entry = try store.revokeFocalPoint(
                working.id, meeting: stored,
                change: change(
                    "focal-point revoke", reason: try reason.checkedText("reason", field: .reason)?.trimmedOrNil)
            )
            return FocalPoint(entry, meeting: stored.meeting)
        }
    }

    /// The meeting and the delegation a link's token gives access to. A token that is malformed, unknown, revoked
    /// or replaced is refused alike (`.notFound` on `token`, one message): the answer does not tell which.
    ///
    /// The token is hashed and the hash looked up in the unique index on `focal_point.token_hash`; nothing compares
    /// the token or its hash byte by byte with stored ones, so the time taken tells no more than that lookup does.
    package func focalPoint(token: String) throws -> FocalPointAccess {
        try reading {
            let refused = InputError(
                "this link does not work: it may have been revoked or replaced; ask the secretariat for a new one",
                field: .token, reason: .notFound)
            guard FocalPointToken.isWellFormed(token) else { throw refused }
            guard let (entry, stored) = try store.activeFocalPoint(tokenHash: FocalPointToken.hash(token)) else {
                throw refused
            }
            return FocalPointAccess(
                meeting: stored.meeting, represented: entry.represented, delegation: entry.delegation,
                email: entry.email,
                issuedAt: entry.issued.at, focalPointId: entry.id)
        }
    }

    /// The State or known organization a typed name means (as `register` finds it); a name that finds neither is
    /// refused with the nearest names, and `consequence` if given.
    func knownDelegation(_ typed: String, meeting: StoredMeeting, then consequence: String? = nil) throws
        -> Represented
    {
        let name = try typed.checkedText("delegation's name", field: .delegation).trimmed
        guard !name.isEmpty else { throw InputError("the delegation's name is empty", field: .delegation) }
        guard name.count <= 300 else {
            throw InputError("the delegation's name is longer than 300 characters", field: .delegation)
        }
        let resolver = try store.resolver(for: name)
        guard let represented = resolver.find(name) else {
            throw resolver.notFound(name, field: .delegation, on: meeting.meeting.opens, then: consequence)
        }
        return represented
    }

    /// A focal point's address, checked as a participant's is; it may not be empty.
    private func focalPointEmail(_ raw: String) throws -> String {
        guard let email = try EmailAddress.checked(raw, field: .email) else {
            throw InputError("the e-mail address is empty: the link is sent to it", field: .email)
        }
        return email
    }

    /// The delegation's working link, or `.notFound` saying there is none to `verb`.
    private func workingFocalPoint(_ represented: Represented, meeting: StoredMeeting, to verb: String) throws
        -> FocalPointEntry
    {
        let links = try store.focalPoints(of: represented, meeting: meeting)
        guard let working = links.last(where: \.isActive) else {
            let name = represented.name(on: meeting.meeting.opens)
            let what = links.isEmpty ? "has no focal point" : "has no working focal-point link (it was revoked)"
            throw InputError(
                "\(name) \(what) for \(meeting.meeting.code): nothing to \(verb); add a focal point first",
                field: .delegation, reason: .notFound)
        }
        return working
    }
}
