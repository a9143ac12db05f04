/// How the secretariat corrects the participants it transcribed from a note: one participant's fields, or the whole
/// list as it should read, and never a partial list silently in place of the whole one.
///
/// A clerk who fixes one misspelt name gives that name and nothing else: the participant's other fields (the
/// function, the gender, the e-mail address, the honorific when the new name has none) stay as recorded, and so do
/// the other participants. Replacing the whole list must be said in so many words, because a list that leaves out a
/// participant removes that participant from the list of participants.
package enum ParticipantsCorrection: Hashable, Sendable {
    /// Participants as a front end lists them (the head, then alternates, then advisers). With `wholeList`, they
    /// are the whole list as it should read and replace every recorded participant. Without it, a head alone is a
    /// correction of the head (as `participant` corrects one), and any other list is refused.
    case list([Submission.ParticipantEntry], wholeList: Bool)
    /// One participant, by its place in the note (counting from 0): the fields given (not nil) replace the
    /// recorded ones; the role, the honorific, the function, the gender and the e-mail address not given stay.
    case participant(Int, Submission.ParticipantEntry)

    /// The participants as corrected, from those `recorded` in the note's own words; `note` names it in a refusal.
    package func applied(to recorded: [Submission.ParticipantEntry], note: Int64) throws -> [Submission
        .ParticipantEntry]
    {
        switch self {
        case .list(let given, wholeList: true):
            return given
        case .list(let given, wholeList: false):
            if given.count == 1, given[0].role == "head" {
                guard let head = recorded.firstIndex(where: { $0.role == "head" }) else {
                    throw InputError("note \(note) names no head of delegation to correct", field: .participants)
                }
                return try Self.participant(head, given[0]).applied(to: recorded, note: note)
            }
            throw InputError(
                "note \(note) lists \(Self.count(recorded.count)); the \(given.count) given would replace them all: confirm that they are the whole list as it should read, or correct one participant on its own",
                field: .replaceList)
        case .participant(let index, let fields):
            guard recorded.indices.contains(index) else {
                throw InputError(
                    "note \(note) lists \(Self.count(recorded.count)): there is no participant \(index + 1)",
                    field: .participant(index))
            }
            guard fields.hasAnyField else {
                throw InputError(
                    "give the fields to correct: name, function, gender, e-mail or role", field: .participant(index))
            }
            var corrected = recorded
            corrected[index] = recorded[index].corrected(by: fields)
            return corrected
        }
    }

    /// "1 participant", "2 participants".
    static func count(_ number: Int) -> String { Counted.phrase(number, "participant") }
}

extension Submission.ParticipantEntry {
    /// Whether any field is given.
    var hasAnyField: Bool {
        [role, title, name, function, gender, email].contains { $0?.trimmedOrNil != nil }
    }

    /// This participant with the fields `given` in place of its own: a field left out (nil or empty) stays. A name
    /// given with its honorific ("Dr. Megan Burke") brings that honorific; a name given without one keeps the
    /// recorded honorific.
    func corrected(by given: Submission.ParticipantEntry) -> Submission.ParticipantEntry {
        var corrected = self
        if let role = given.role?.trimmedOrNil { corrected.role = role }
        if let name = given.name?.trimmedOrNil {
            corrected.name = name
            if Honorific.split(name).title != nil { corrected.title = nil }
        }
        if let title = given.title?.trimmedOrNil { corrected.title = title }
        if let function = given.function?.trimmedOrNil { corrected.function = function }
        if let gender = given.gender?.trimmedOrNil { corrected.gender = gender }
        if let email = given.email?.trimmedOrNil { corrected.email = email }
        return corrected
    }
}
