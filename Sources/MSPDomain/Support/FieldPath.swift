/// Where in a request a problem lies: `delegation`, `participants[2].name`.
///
/// A value, not a string to parse: each front end names it in its own words (the command line's
/// `--delegation` or `participant 3.name`, a JSON key path with its line, a CSV column, a web form's field).
/// Keys are those of the JSON submission format (`received_at`, `participants`), which is also the CSV import's
/// header; an index counts from 0.
package struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    package enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    package var components: [Component]

    package init(_ components: [Component]) { self.components = components }

    /// A top-level key: `FieldPath.key("time_zone")`.
    package static func key(_ name: String) -> FieldPath { FieldPath([.key(name)]) }

    /// This path followed by a key: `participants[2]` then `name`.
    package func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }

    /// This path followed by an index: `participants` then `[2]`.
    package func index(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    /// This path inside `prefix`: `[3]` then `participants[2].name` (a submission in a JSON array).
    package func inside(_ prefix: FieldPath) -> FieldPath { FieldPath(prefix.components + components) }

    /// The first key, which names the field of the request (`participants` for `participants[2].name`).
    package var root: String? {
        if case .key(let key)? = components.first { return key }
        return nil
    }

    /// For a path into one participant (`participants[2]...`): its index.
    package var participantIndex: Int? {
        guard components.count >= 2, case .key("participants") = components[0], case .index(let index) = components[1]
        else {
            return nil
        }
        return index
    }

    /// The last key: `name` for `participants[2].name`.
    package var leaf: String? {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return nil
    }

    /// The JSON key path: `participants[2].name`, `[3].delegation`.
    package var description: String {
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
    package static let meeting = key("meeting")
    package static let delegation = key("delegation")
    package static let category = key("category")
    package static let reference = key("reference")
    package static let receivedAt = key("received_at")
    package static let channel = key("channel")
    /// The confirmation that an organization close to a known one is new.
    package static let newOrganization = key("new_organization")
    package static let participants = key("participants")
    /// A correction's confirmation that the participants given are the whole list as it should read.
    package static let replaceList = key("replace_list")

    /// One participant of a submission, or one of its fields (`role`, `title`, `name`, `function`, `gender`, `email`).
    package static func participant(_ index: Int, _ key: String? = nil) -> FieldPath {
        var components: [Component] = [.key("participants"), .index(index)]
        if let key { components.append(.key(key)) }
        return FieldPath(components)
    }

    // The fields of a meeting.
    package static let code = key("code")
    package static let title = key("title")
    package static let convention = key("convention")
    package static let venue = key("venue")
    package static let opens = key("opens")
    package static let closes = key("closes")
    package static let deadline = key("deadline")
    package static let timeZone = key("time_zone")

    // The fields of a membership record and of credentials.
    package static let state = key("state")
    package static let signed = key("signed")
    package static let consent = key("consent")
    package static let consentKind = key("consent_kind")
    package static let withdrawal = key("withdrawal")
    package static let day = key("on")
    package static let credentialKind = key("kind")

    // The fields of a focal point and of its link.
    package static let email = key("email")
    package static let token = key("token")
    package static let baseURL = key("base_url")
}
