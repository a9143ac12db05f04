/// A request that is well formed but wrong: an unknown delegation, two heads, a date that does not parse, a
/// meeting that does not exist, a reference recorded twice.
///
/// The one error every rule throws, whichever front end asked. `field` says where the problem is as a value
/// (`participants[2].name`), which each front end names in its own words; `reason` says what kind of problem it is,
/// which the command line maps to its exit status (65 for all) and a web server to its HTTP status
/// (422, 404, 409, 429).
package struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        /// The value given is not acceptable.
        case invalid
        /// What it names (a meeting, a delegation) is not there.
        case notFound
        /// It contradicts what is recorded: a meeting code or a note's reference used already.
        case conflict
        /// Too many attempts: try again later (failed sign-ins).
        case throttled
    }

    package var field: FieldPath?
    package var message: String
    package var reason: Reason

    package init(_ message: String, field: FieldPath? = nil, reason: Reason = .invalid) {
        self.message = message
        self.field = field
        self.reason = reason
    }

    /// "participants[2].name: the name is empty": the field named by its JSON key path.
    package var description: String {
        if let field { return "\(field): \(message)" }
        return message
    }

    /// The same problem, attributed to `field` if it was not attributed yet.
    package func at(_ field: FieldPath) -> InputError {
        var copy = self
        if copy.field == nil { copy.field = field }
        return copy
    }
}

/// Every problem of one input, in the order of its fields: what an import reports of a row (its received_at, its
/// gender and its e-mail address), where the first alone would leave the clerk to find the next one on the next run.
package struct InputProblems: Error, Equatable, Sendable, CustomStringConvertible {
    /// At least one.
    package var errors: [InputError]

    package init(_ errors: [InputError]) {
        precondition(!errors.isEmpty, "InputProblems holds at least one problem")
        self.errors = errors
    }

    package var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// Gathers the problems of several fields checked one after the other, so that each field's problem is found in one
/// pass rather than the first alone.
package struct ProblemCollector: Sendable {
    package private(set) var errors: [InputError] = []

    package init() {}

    /// The value `check` gives, or nil with its `InputError` kept (any other error is thrown).
    @inline(__always)
    package mutating func value<T>(_ check: () throws -> T) throws -> T? {
        do {
            return try check()
        } catch let error as InputError {
            errors.append(error)
            return nil
        } catch let problems as InputProblems {
            errors += problems.errors
            return nil
        }
    }

    /// Whether `check` passes; its `InputError` is kept when it does not (any other error is thrown).
    @inline(__always)
    package mutating func passes(_ check: () throws -> Void) throws -> Bool {
        try value(check) != nil
    }

    package mutating func append(_ error: InputError) { errors.append(error) }

    /// Throws the problems gathered, if any: all of them together.
    package func throwIfAny() throws {
        if !errors.isEmpty { throw InputProblems(errors) }
    }
}
