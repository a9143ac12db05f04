import MSPDomain
import MSPStore

extension RegistrationDesk {
    /// Every delegation that sent a note to the meeting, withdrawn ones included, in the order of the list of
    /// participants: category, participants, first and latest note, late notes, withdrawn, credentials.
    package func delegations(meeting code: String? = nil) throws -> (
        meeting: Meeting, delegations: [DelegationOverview]
    ) {
        try reading {
            let stored = try meeting(code: code)
            return (stored.meeting, try store.delegationOverviews(stored))
        }
    }

    /// The convention's States Parties and signatory States on the meeting's opening day that have no delegation
    /// on the list of participants (none registered, or it withdrew): where universalization and participation
    /// work starts.
    package func absentStates(meeting code: String? = nil) throws -> (meeting: Meeting, states: [AbsentState]) {
        try reading {
            let stored = try meeting(code: code)
            let delegations = try store.delegationOverviews(stored)
            let membership = try store.membership(convention: stored.meeting.convention)
            let states = ReferenceData.states
            return (
                stored.meeting,
                AbsentState.list(
                    membership: membership, meeting: stored.meeting, delegations: delegations,
                    // The name in force on the opening day, as every document of the meeting prints it.
                    name: { states.name(iso3: $0, on: stored.meeting.opens) ?? $0 })
            )
        }
    }

    /// The participants of the meeting's list of participants whose name holds every word of `name`, ignoring case
    /// and diacritics: current compositions only (superseded ones and withdrawn delegations are not searched). Each
    /// is found with the number of its note and its place in it, which a correction of it names.
    package func findPerson(_ name: String, meeting code: String? = nil) throws -> (
        meeting: Meeting, found: [PersonFound]
    ) {
        try reading {
            let query = try name.checkedText("name to search for", field: .key("name")).trimmed
            guard !query.isEmpty, !NameKey.of(Honorific.split(query).name).isEmpty else {
                throw InputError("the name to search for is empty", field: .key("name"))
            }
            let stored = try meeting(code: code)
            var found = try store.roster(stored).people(matching: query)
            guard !found.isEmpty else { return (stored.meeting, found) }
            // Each with the note and the place in it that a correction of the participant names.
            let numbers = try store.compositionNotes(stored)
            var notes: [Int64: StoredNote] = [:]
            for index in found.indices {
                guard let number = numbers[found[index].delegation] else { continue }
                found[index].note = number
                if notes[number] == nil { notes[number] = try store.note(number: number, meeting: stored) }
                found[index].position =
                    notes[number]?.snapshot.participants.firstIndex(of: found[index].participant).map { $0 + 1 }
            }
            return (stored.meeting, found)
        }
    }
}
