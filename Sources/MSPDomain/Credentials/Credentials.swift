/// What a State's representatives presented to the meeting, in the three lists the credentials report uses:
/// formal credentials issued by the Head of State or Government or the Minister for Foreign Affairs (`original`),
/// a copy or another communication such as a fax or a letter from the Minister (`copy`), or only the note verbale
/// that registered the delegation (`noteVerbale`).
package enum CredentialKind: String, CaseIterable, Sendable, Codable {
    case original
    case copy
    case noteVerbale = "note_verbale"

    /// The word on the command line and in every output: original, copy, note_verbale.
    package var argument: String { rawValue }

    package var description: String {
        switch self {
        case .original: return "formal credentials (original)"
        case .copy: return "a copy or communication"
        case .noteVerbale: return "only a note verbale"
        }
    }

    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> CredentialKind {
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let kind = CredentialKind(rawValue: key) { return kind }
        throw InputError("'\(raw)' is not a kind of credentials: one of original, copy, note_verbale", field: field)
    }
}

/// One record of credentials received for a delegation.
package struct CredentialEntry: Sendable, Equatable {
    package var id: Int64
    package var delegation: String
    package var kind: CredentialKind
    package var received: Instant

    package init(id: Int64, delegation: String, kind: CredentialKind, received: Instant) {
        self.id = id
        self.delegation = delegation
        self.kind = kind
        self.received = received
    }
}

extension CredentialEntry {
    /// Whether this record counts instead of `other`, of the same delegation: the latest by time of receipt
    /// counts, then the one recorded last.
    package func supersedes(_ other: CredentialEntry) -> Bool {
        (received, id) >= (other.received, other.id)
    }
}

/// The credentials report to the meeting: for every registered State Party, which presented formal credentials,
/// which a copy or communication, which only a note verbale, and which nothing yet.
///
/// A delegation's latest record counts (by time of receipt, then by the order of recording); earlier ones stay in
/// its history. Records of delegations that are not registered States Parties (a signatory State's, say) are kept
/// but are not part of the report.
package struct CredentialsReport: Sendable, Equatable {
    package var original: [String]
    package var copy: [String]
    package var noteVerbale: [String]
    package var missing: [String]

    package init(statesParties: [String], entries: [CredentialEntry]) {
        var latest: [String: CredentialEntry] = [:]
        for entry in entries {
            if let current = latest[entry.delegation], !entry.supersedes(current) { continue }
            latest[entry.delegation] = entry
        }
        var lists: [CredentialKind: [String]] = [:]
        var missing: [String] = []
        let ordered = statesParties.sorted { (NameKey.sortKey($0), $0) < (NameKey.sortKey($1), $1) }
        for state in ordered {
            if let entry = latest[state] {
                lists[entry.kind, default: []].append(state)
            } else {
                missing.append(state)
            }
        }
        self.original = lists[.original] ?? []
        self.copy = lists[.copy] ?? []
        self.noteVerbale = lists[.noteVerbale] ?? []
        self.missing = missing
    }

    /// The report from its four lists, as they were made.
    package init(original: [String], copy: [String], noteVerbale: [String], missing: [String]) {
        self.original = original
        self.copy = copy
        self.noteVerbale = noteVerbale
        self.missing = missing
    }

    package func list(_ kind: CredentialKind) -> [String] {
        switch kind {
        case .original: return original
        case .copy: return copy
        case .noteVerbale: return noteVerbale
        }
    }

    package var statesPartiesCount: Int { original.count + copy.count + noteVerbale.count + missing.count }
}
