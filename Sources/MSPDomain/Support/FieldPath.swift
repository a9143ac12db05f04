/// Where in a request a problem lies: `delegation`, `participants[2].name`.
///
/// A value, not a string to parse: each front end names it in its own words (the command line's
/// `--delegation` or `participant 3.name`, a JSON key path with its line, a CSV column, a web form's field).
/// Keys are those of the JSON submission format (`received_at`, `participants`), which is also the CSV import's
/// header; an index counts from 0.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component]) { self.components = components }

    /// A top-level key: `FieldPath.key("time_zone")`.
    public static func key(_ name: String) -> FieldPath { FieldPath([.key(name)]) }

    /// This path followed by a key: `participants[2]` then `name`.
    public func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }

    /// This path followed by an index: `participants` then `[2]`.
    public func index(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    /// This path inside `prefix`: `[3]` then `participants[2].name` (a submission in a JSON array).
    public func inside(_ prefix: FieldPath) -> FieldPath { FieldPath(prefix.components + components) }

    /// The first key, which names the field of the request (`participants` for `participants[2].name`).
    public var root: String? {
        if case .key(let key)? = components.first { return key }
        return nil
    }

    /// For a path into one participant (`participants[2]...`): its index.
    public var participantIndex: Int? {
        guard components.count >= 2, case .key("participants") = components[0], case .index(let index) = components[1]
        else {
            return nil
        }
        return index
    }

    /// The last key: `name` for `participants[2].name`.
    public var leaf: String? {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return nil
    }

    /// The JSON key path: `participants[2].name`, `[3].delegation`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

extension FieldPath {
    // The fields of a submission (a note verbale or letter): the JSON keys and CSV columns.
    public static let meeting = key("meeting")
    public static let delegation = key("delegation")
    public static let category = key("category")
    public static let reference = key("reference")
    public static let receivedAt = key("received_at")
    public static let channel = key("channel")
    /// The confirmation that an organization close to a known one is new.
    public static let newOrganization = key("new_organization")
    public static let participants = key("participants")
    /// A correction's confirmation that the participants given are the whole list as it should read.
    public static let replaceList = key("replace_list")

    /// One participant of a submission, or one of its fields (`role`, `title`, `name`, `function`, `gender`, `email`).
    public static func participant(_ index: Int, _ key: String? = nil) -> FieldPath {
        var components: [Component] = [.key("participants"), .index(index)]
        if let key { components.append(.key(key)) }
        return FieldPath(components)
    }

    // The fields of a meeting.
    public static let code = key("code")
    public static let title = key("title")
    public static let convention = key("convention")
    public static let venue = key("venue")
    public static let opens = key("opens")
    public static let closes = key("closes")
    public static let deadline = key("deadline")
    public static let timeZone = key("time_zone")

    // The fields of a membership record and of credentials.
    public static let state = key("state")
    public static let signed = key("signed")
    public static let consent = key("consent")
    public static let consentKind = key("consent_kind")
    public static let withdrawal = key("withdrawal")
    public static let day = key("on")
    public static let credentialKind = key("kind")

    // The fields of a focal point and of its link.
    public static let email = key("email")
    public static let token = key("token")
    public static let baseURL = key("base_url")
}
