/// A problem with input that is well formed but wrong: an unknown delegation, two heads, a date that
/// does not parse, a meeting that does not exist. The command line maps it to exit status 65.
///
/// `field` names where the problem is (a command-line option such as `--received`, a JSON key, or a CSV
/// column); the file and line, when there is one, are added by whoever read the input.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    public var description: String {
        if let field { return "\(field): \(message)" }
        return message
    }

    /// The same problem, attributed to `field` if it was not attributed yet.
    public func at(_ field: String) -> InputError {
        var copy = self
        if copy.field == nil { copy.field = field }
        return copy
    }
}
