import ArgumentParser
import MSPDomain

/// `--head`, `--alternate`, `--adviser`, each `name; function; gender; e-mail`: a note's participants typed at a
/// terminal, shared by `register` and `correct`.
struct ParticipantOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The head of delegation (a note names exactly one), e.g. \"H.E. Ms. Kim; Ambassador, Permanent Representative; female; kim@mission.example\".",
            valueName: "name; function; gender; e-mail"))
    var head: [String] = []

    @Option(
        help: ArgumentHelp(
            "An alternate (repeatable), e.g. \"Mr. Sam Poe; Counsellor\".",
            valueName: "name; function; gender; e-mail"))
    var alternate: [String] = []

    @Option(
        help: ArgumentHelp("An adviser (repeatable), as --head.", valueName: "name; function; gender; e-mail"))
    var adviser: [String] = []

    /// Whether any participant was given.
    var isEmpty: Bool { head.isEmpty && alternate.isEmpty && adviser.isEmpty }

    /// The participants in the order the options give them: the head, then alternates, then advisers.
    func entries() throws -> [Submission.ParticipantEntry] {
        var participants: [Submission.ParticipantEntry] = []
        for (role, typed) in head.map({ ("head", $0) }) + alternate.map({ ("alternate", $0) })
            + adviser.map({ ("adviser", $0) })
        {
            participants.append(try .typed(typed, role: role, field: .participant(participants.count)))
        }
        return participants
    }
}
