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
