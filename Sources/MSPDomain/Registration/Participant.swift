/// A member of a delegation, written as the list of participants writes them: honorific, name, function.
package struct Participant: Hashable, Sendable, Codable {
    package var role: Role
    /// The honorific: "H.E. Mr.", "Ms.", "Dr.".
    package var title: String?
    /// The name as the note writes it.
    package var name: String
    /// "Ambassador, Permanent Representative".
    package var function: String?
    package var gender: Gender?
    package var email: String?

    package init(
        role: Role, title: String? = nil, name: String, function: String? = nil, gender: Gender? = nil,
        email: String? = nil
    ) {
        self.role = role
        self.title = title
        self.name = name
        self.function = function
        self.gender = gender
        self.email = email
    }

    /// "H.E. Mr. John Doe".
    package var displayName: String {
        [title, name].compactMap { $0 }.joined(separator: " ")
    }

    /// Checks and normalises one participant as given: a name that begins with an honorific keeps it apart as
    /// the title; an empty name, an unknown role or gender, an e-mail address without '@', a gender that contradicts
    /// the honorific are errors. Throws the first problem; `parse(..., problems:)` finds every one.
    package static func parse(
        role rawRole: String?, title rawTitle: String?, name rawName: String?, function: String?,
        gender rawGender: String?, email rawEmail: String?, field: FieldPath = .participant(0)
    ) throws -> Participant {
        var problems = ProblemCollector()
        let participant = try parse(
            role: rawRole, title: rawTitle, name: rawName, function: function, gender: rawGender, email: rawEmail,
            field: field, problems: &problems)
        if let first = problems.errors.first { throw first }
        return participant!
    }

    /// Checks one participant as `parse` does, keeping every field's problem in `problems`: nil when there is any.
    package static func parse(
        role rawRole: String?, title rawTitle: String?, name rawName: String?, function: String?,
        gender rawGender: String?, email rawEmail: String?, field: FieldPath = .participant(0),
        problems: inout ProblemCollector
    ) throws -> Participant? {
        let before = problems.errors.count
        let role = try problems.value { () throws -> Role in
            guard let rawRole = rawRole?.trimmed, !rawRole.isEmpty else {
                throw InputError("the role is missing: one of head, alternate, adviser", field: field.appending("role"))
            }
            return try Role.parse(
                try rawRole.checkedText("role", field: field.appending("role")), field: field.appending("role"))
        }
        // Control characters (a NUL, an escape sequence, a line break) would be cut or garble every listing: whether
        // the title, function, e-mail address and gender are clean of them, in that order.
        var clean = [true, true, true, true]
        for (index, (key, value)) in [
            ("title", rawTitle), ("function", function), ("email", rawEmail), ("gender", rawGender),
        ].enumerated() {
            clean[index] = try problems.passes { _ = try value.checkedText(key, field: field.appending(key)) }
        }
        let split = try problems.value { () throws -> (title: String?, name: String) in
            try rawName.checkedText("name", field: field.appending("name"))
            let cleaned = (rawName ?? "").trimmed
            guard !cleaned.isEmpty else { throw InputError("the name is empty", field: field.appending("name")) }
            guard !Honorific.isOnlyHonorifics(cleaned) else {
                throw InputError(
                    "'\(cleaned)' is only an honorific: the name is missing", field: field.appending("name"))
            }
            let split = Honorific.split(cleaned)
            guard !split.name.isEmpty else { throw InputError("the name is empty", field: field.appending("name")) }
            return split
        }
        let title = clean[0] ? rawTitle?.trimmedOrNil.map(Honorific.normalizedTitle) : nil
        var gender: Gender?
        if clean[3] {
            gender =
                try problems.value { () throws -> Gender? in
                    try rawGender?.trimmedOrNil.map { try Gender.parse($0, field: field.appending("gender")) }
                } ?? nil
        }
        var email: String?
        if clean[2] {
            email = try problems.value { try EmailAddress.checked(rawEmail, field: field.appending("email")) } ?? nil
        }
        if let split {
            _ = try problems.passes {
                try Honorific.checkGender(gender, title: title ?? split.title, field: field.appending("gender"))
            }
        }
        guard problems.errors.count == before, let role, let split else { return nil }
        return Participant(
            role: role, title: title ?? split.title, name: split.name,
            function: function?.trimmedOrNil,
            gender: gender, email: email)
    }

    /// A registration or amendment lists its delegation, and names exactly one head.
    ///
    /// A note that lists nobody is not a registration: a delegation that wants to leave sends a withdrawal.
    package static func checkComposition(_ participants: [Participant]) throws {
        guard !participants.isEmpty else {
            throw InputError(
                "the note lists no participant: a registration or amendment names at least the head of delegation (a delegation that leaves sends a withdrawal)",
                field: .participants)
        }
        let heads = participants.filter { $0.role == .head }
        if heads.isEmpty {
            throw InputError(
                "no head of delegation: a note that lists participants names exactly one head", field: .participants)
        }
        if heads.count > 1 {
            throw InputError(
                "\(heads.count) heads of delegation (\(heads.map(\.displayName).joined(separator: ", "))): a note names exactly one",
                field: .participants)
        }
    }

    /// The order of the list of participants: the head, then alternates, then advisers, each in the note's order.
    package static func rosterOrder(_ participants: [Participant]) -> [Participant] {
        // Notes nearly always list the head first, then alternates, then advisers: nothing to reorder.
        if zip(participants, participants.dropFirst()).allSatisfy({ $0.role <= $1.role }) { return participants }
        return participants.enumerated().sorted { ($0.element.role, $0.offset) < ($1.element.role, $1.offset) }.map(
            \.element)
    }
}
