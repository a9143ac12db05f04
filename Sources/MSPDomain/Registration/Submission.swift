import Foundation

/// A note verbale or letter as it arrives, before any check: from the command line, a JSON file or an import row.
///
/// The JSON form is one object with the keys `meeting`, `delegation`, `category`, `reference`, `received_at`,
/// `channel` and `participants` (objects with `role`, `title`, `name`, `function`, `gender`, `email`), and
/// `new_organization` (true confirms that an organization close to a known one is new).
package struct Submission: Hashable, Sendable {
    package var meeting: String?
    package var delegation: String?
    package var category: String?
    package var reference: String?
    package var receivedAt: String?
    package var channel: String?
    package var participants: [ParticipantEntry]
    /// Confirms that a new organization whose name is close to a known one's is new.
    package var newOrganization: Bool

    package struct ParticipantEntry: Hashable, Sendable {
        package var role: String?
        package var title: String?
        package var name: String?
        package var function: String?
        package var gender: String?
        package var email: String?

        package init(
            role: String?, title: String? = nil, name: String?, function: String? = nil, gender: String? = nil,
            email: String? = nil
        ) {
            self.role = role
            self.title = title
            self.name = name
            self.function = function
            self.gender = gender
            self.email = email
        }
    }

    package init(
        meeting: String? = nil, delegation: String?, category: String? = nil, reference: String? = nil,
        receivedAt: String? = nil, channel: String? = nil, participants: [ParticipantEntry] = [],
        newOrganization: Bool = false
    ) {
        self.meeting = meeting
        self.delegation = delegation
        self.category = category
        self.reference = reference
        self.receivedAt = receivedAt
        self.channel = channel
        self.participants = participants
        self.newOrganization = newOrganization
    }
}

/// A note that passed every check, ready to be recorded.
package struct NoteDraft: Hashable, Sendable {
    package var represented: Represented
    package var category: Category
    package var reference: String?
    package var receipt: Receipt
    package var channel: Channel?
    package var participants: [Participant]
    /// On time, or how late.
    package var lateness: Lateness
    /// A note that takes the delegation off the list of participants (it lists nobody).
    package var isWithdrawal: Bool

    package init(
        represented: Represented, category: Category, reference: String?, receipt: Receipt, channel: Channel?,
        participants: [Participant], lateness: Lateness, isWithdrawal: Bool = false
    ) {
        self.isWithdrawal = isWithdrawal
        self.represented = represented
        self.category = category
        self.reference = reference
        self.receipt = receipt
        self.channel = channel
        self.participants = participants
        self.lateness = lateness
    }

    /// Checks a submission for `meeting`: the delegation is found (or is a new organization with a category),
    /// the receipt time parses in the venue's zone (left out, it is `now`), participants are well formed
    /// and name exactly one head. Throws the first problem; `check(..., problems:)` finds every one.
    package static func check(
        _ submission: Submission, meeting: Meeting, resolver: DelegationResolver,
        membership: TreatyMembership, now: Instant
    ) throws -> NoteDraft {
        var problems = ProblemCollector()
        let draft = try check(
            submission, meeting: meeting, resolver: resolver, membership: membership, now: now, problems: &problems)
        if let first = problems.errors.first { throw first }
        return draft!
    }

    /// Checks a submission as `check` does, keeping every field's problem in `problems`, in the order of the fields
    /// (the note's, then each participant's): nil when there is any. A field whose check needs another one's value
    /// (the delegation needs the category; the composition needs every participant) is checked once that one is
    /// good.
    package static func check(
        _ submission: Submission, meeting: Meeting, resolver: DelegationResolver,
        membership: TreatyMembership, now: Instant, problems: inout ProblemCollector
    ) throws -> NoteDraft? {
        let before = problems.errors.count
        // Whether the text of the meeting, category, receipt time and channel is clean (no control characters).
        var clean = [true, true, true, true]
        for (index, (what, value, field)) in [
            ("meeting", submission.meeting, FieldPath.meeting), ("category", submission.category, .category),
            ("receipt time", submission.receivedAt, .receivedAt), ("channel", submission.channel, .channel),
        ].enumerated() {
            clean[index] = try problems.passes { _ = try value.checkedText(what, field: field) }
        }
        var category: Category?? = .none
        if clean[1] {
            category = try problems.value {
                try submission.category?.trimmedOrNil.map { try Category.parse($0, field: .category) }
            }
        }
        var resolved: (represented: Represented, category: Category)?
        if let category {
            resolved = try problems.value {
                try resolver.resolve(
                    submission.delegation ?? "", category: category,
                    stateCategory: { membership.category(of: $0.iso3, at: meeting) }, on: meeting.opens,
                    field: .delegation, confirmedNew: submission.newOrganization)
            }
        }
        var receipt: Receipt?
        if clean[2] {
            receipt = try problems.value { try meeting.receipt(submission.receivedAt, now: now, field: .receivedAt) }
        }
        var channel: Channel?
        if clean[3] {
            channel =
                try problems.value { () throws -> Channel? in
                    try submission.channel?.trimmedOrNil.map { try Channel.parse($0, field: .channel) }
                } ?? nil
        }
        let checkedReference: String?? = try problems.value {
            try Self.reference(submission.reference, field: .reference)
        }
        var participants: [Participant] = []
        participants.reserveCapacity(submission.participants.count)
        var everyParticipant = true
        for (index, entry) in submission.participants.enumerated() {
            if let participant = try Participant.parse(
                role: entry.role, title: entry.title, name: entry.name,
                function: entry.function, gender: entry.gender, email: entry.email,
                field: .participant(index), problems: &problems)
            {
                participants.append(participant)
            } else {
                everyParticipant = false
            }
        }
        if everyParticipant { _ = try problems.passes { try Participant.checkComposition(participants) } }
        guard problems.errors.count == before, let resolved, let receipt, let reference = checkedReference else {
            return nil
        }
        return NoteDraft(
            represented: resolved.represented, category: resolved.category, reference: reference,
            receipt: receipt, channel: channel, participants: participants,
            lateness: meeting.lateness(of: receipt))
    }
}

extension NoteDraft {
    /// A note's own reference as given: blank is none; longer than 200 characters or holding control characters is
    /// an error. The same for every note, a withdrawal's included.
    package static func reference(_ raw: String?, field: FieldPath = .reference) throws -> String? {
        try raw.checkedText("reference", field: field)
        guard let reference = raw?.trimmedOrNil else { return nil }
        if reference.count > 200 {
            throw InputError("the reference is longer than 200 characters", field: field)
        }
        return reference
    }
}

// MARK: - JSON

extension Submission: Decodable {
    enum Keys: String, CodingKey, CaseIterable {
        case meeting, delegation, category, reference, channel, participants
        case receivedAt = "received_at"
        case newOrganization = "new_organization"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        try AnyKey.rejectUnknown(in: container, allowed: Keys.allCases.map(\.rawValue), what: "a submission")
        func string(_ key: Keys) throws -> String? {
            try container.decodeIfPresent(LenientString.self, forKey: AnyKey(key.rawValue))?.value
        }
        self.meeting = try string(.meeting)
        self.delegation = try string(.delegation)
        self.category = try string(.category)
        self.reference = try string(.reference)
        self.receivedAt = try string(.receivedAt)
        self.channel = try string(.channel)
        self.participants = try container.decodeIfPresent([ParticipantEntry].self, forKey: AnyKey("participants")) ?? []
        self.newOrganization =
            try container.decodeIfPresent(Bool.self, forKey: AnyKey(Keys.newOrganization.rawValue)) ?? false
    }
}

extension Submission.ParticipantEntry: Decodable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        try AnyKey.rejectUnknown(
            in: container, allowed: ["role", "title", "name", "function", "gender", "email"], what: "a participant")
        func string(_ key: String) throws -> String? {
            try container.decodeIfPresent(LenientString.self, forKey: AnyKey(key))?.value
        }
        self.init(
            role: try string("role"), title: try string("title"), name: try string("name"),
            function: try string("function"), gender: try string("gender"), email: try string("email"))
    }
}

/// A JSON string, or null. Numbers and other types are refused with the key's path.
struct LenientString: Decodable {
    var value: String?
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { value = nil; return }
        value = try container.decode(String.self)
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }

    static func rejectUnknown(in container: KeyedDecodingContainer<AnyKey>, allowed: [String], what: String) throws {
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription:
                    "'\(key.stringValue)' is not a key of \(what) (keys: \(allowed.joined(separator: ", ")))")
        }
    }
}

package enum SubmissionJSON {
    /// Decodes an array of submission objects.
    package static func decodeArray(_ data: Data) throws -> [Submission] {
        do {
            return try JSONDecoder().decode([Submission].self, from: data)
        } catch let error as DecodingError {
            throw InputError(describe(error))
        } catch {
            throw InputError("not valid JSON: \(JSONProblem.describe(error))")
        }
    }

    /// Scans `data` strictly (see `JSONScanner`), then decodes one submission object. Every problem is a
    /// `JSONInputError` with the line it is on, where there is one; the scan also gives the line of each field,
    /// for the problems that checking the submission finds later. With `index` (an element of a JSON array),
    /// problems are named under it (`[3].participants`); lines are counted from the first line of `data`.
    package static func decodeScanned(_ data: Data, index: Int? = nil) throws -> (Submission, JSONScan) {
        let scan: JSONScan
        do {
            scan = try JSONScanner.scan(data)
        } catch let error as JSONSyntaxError {
            throw JSONInputError(line: error.line, error: InputError("not valid JSON: \(error.message)"))
        }
        do {
            return (try JSONDecoder().decode(Submission.self, from: data), scan)
        } catch let error as DecodingError {
            throw JSONInputError(
                line: scan.line(of: fieldPath(error.context.codingPath + error.extraKey)),
                error: InputError(describe(error, under: index.map { [AnyKey(intValue: $0)!] } ?? [])))
        } catch {
            throw JSONInputError(line: nil, error: InputError("not valid JSON: \(JSONProblem.describe(error))"))
        }
    }

    /// The field a decoding error concerns.
    static func fieldPath(_ codingPath: [any CodingKey]) -> FieldPath {
        FieldPath(codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
    }

    /// What a decoding error says, its path named under `prefix` (an array's index) when there is one.
    package static func describe(_ error: DecodingError, under prefix: [any CodingKey] = []) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = fieldPath(prefix + codingPath).description
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            let expected =
                type == String.self
                ? "a string"
                : (type is [Any].Type
                    ? "an array"
                    : (String(describing: type).contains("Dictionary") || String(describing: type).contains("Keyed")
                        ? "an object" : "\(type)"))
            return "\(path(context.codingPath)): expected \(expected)"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)): a value is missing"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError {
                return "not valid JSON: \(JSONProblem.describe(underlying))"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

enum JSONProblem {
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}

/// A problem in a JSON input, with the line it is on when that is known.
package struct JSONInputError: Error, Equatable, Sendable, CustomStringConvertible {
    package var line: Int?
    package var error: InputError

    package init(line: Int?, error: InputError) {
        self.line = line
        self.error = error
    }

    package var description: String { error.description }
}

extension DecodingError {
    var context: Context {
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            return context
        @unknown default:
            return Context(codingPath: [], debugDescription: "")
        }
    }

    /// The missing key of a `keyNotFound`, which its context's path leaves out.
    var extraKey: [any CodingKey] {
        if case .keyNotFound(let key, _) = self { return [key] }
        return []
    }
}

extension InputError {
    /// A reference the delegation has recorded already among its current notes (a reference is recorded once per
    /// delegation): one wording for the desk's check and for the store's unique index, which backs it up.
    package static func referenceRecorded(_ reference: String, of delegation: String, at meeting: String, note: Int64?)
        -> InputError
    {
        InputError(
            "note '\(reference)' of \(delegation) is already recorded for \(meeting)\(note.map { " (note \($0))" } ?? ""): a reference is recorded once per delegation",
            field: .reference, reason: .conflict)
    }
}
