import MSPDomain

extension FieldPath {
    /// How the command line names a field: by its option (`--received`), its argument (`CODE`), or the participant
    /// in the order the options gave them (`participant 2.name`: the head, then alternates, then advisers).
    var commandLineName: String {
        guard let root else { return description }
        if root == "participants" {
            guard let index = participantIndex else { return "participants" }
            return "participant \(index + 1)" + (leaf.map { $0 == "participants" ? "" : ".\($0)" } ?? "")
        }
        switch root {
        case "received_at": return "--received"
        case "code": return "CODE"
        // accept, decline, correct, void, restore and undo take the note's number as their argument.
        case "note": return "NOTE"
        // submission show|accept|return take the submission's number as their argument.
        case "submission": return "SUBMISSION"
        case "name": return "NAME"
        case "password": return "password"
        case "consent_kind": return "--kind"
        default: return "--" + root.replacingOccurrences(of: "_", with: "-")
        }
    }
}

extension InputError {
    /// "--received: '2017-13-45' is not a date": the problem with the field named as the command line names it.
    var commandLineDescription: String {
        field.map { "\($0.commandLineName): \(message)" } ?? message
    }
}
