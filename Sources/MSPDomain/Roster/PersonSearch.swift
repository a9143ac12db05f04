/// A participant found by name across a meeting's list of participants.
package struct PersonFound: Sendable, Equatable {
    package var delegation: String
    package var category: Category
    package var participant: Participant
    /// The number of the note whose composition lists the participant, and the participant's place in it (from 1):
    /// what `correct NOTE --participant N` takes.
    package var note: Int64?
    package var position: Int?

    package init(
        delegation: String, category: Category, participant: Participant, note: Int64? = nil, position: Int? = nil
    ) {
        self.delegation = delegation
        self.category = category
        self.participant = participant
        self.note = note
        self.position = position
    }
}

extension Roster {
    /// The participants whose name holds every word of `query`, compared without case, diacritics or dots
    /// ("jurkovic" finds "Ivan Jurkovič", "kim jae" finds "Kim Jae-won"); honorifics typed at the start of the query
    /// are left out of the comparison ("H.E. Kim" finds Kim). Only the list of participants is searched: each
    /// delegation's current composition, withdrawn delegations left out; earlier compositions an amendment
    /// superseded are not. In the list's order.
    package func people(matching query: String) -> [PersonFound] {
        let words = NameKey.of(Honorific.split(query).name).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        var found: [PersonFound] = []
        for group in groups {
            for delegation in group.delegations {
                for participant in delegation.participants {
                    let key = NameKey.of(participant.name)
                    if words.allSatisfy({ key.contains($0) }) {
                        found.append(
                            PersonFound(delegation: delegation.name, category: group.category, participant: participant)
                        )
                    }
                }
            }
        }
        return found
    }
}
