import MSPDomain
import MSPStore

extension RegistrationDesk {
    /// Every note received after the deadline that awaits a decision, oldest first.
    package func lateNotes(meeting code: String? = nil) throws -> (meeting: Meeting, notes: [LateNote]) {
        try reading {
            let stored = try meeting(code: code)
            return (stored.meeting, try store.lateNotes(stored))
        }
    }

    /// The list of participants: every delegation not withdrawn, with its newest composition, in UN order.
    package func roster(meeting code: String? = nil) throws -> (meeting: Meeting, roster: Roster) {
        try reading {
            let stored = try meeting(code: code)
            return (stored.meeting, try store.roster(stored))
        }
    }

    /// The meeting's registration figures.
    package func statistics(meeting code: String? = nil) throws -> (meeting: Meeting, statistics: MeetingStatistics) {
        try reading {
            let stored = try meeting(code: code)
            return (stored.meeting, try store.statistics(stored))
        }
    }

    /// A delegation's notes and credentials in the order they were received, its focal point's links when they were
    /// issued or revoked, and what its focal points submitted (received, accepted, returned), with who recorded each
    /// and when. A delegation that sent no note has a history if it has had a focal point.
    package func history(delegation: String, meeting code: String? = nil) throws -> (
        meeting: Meeting, delegation: String, entries: [HistoryEntry]
    ) {
        try reading {
            let stored = try meeting(code: code)
            let represented = try knownDelegation(delegation, meeting: stored)
            let focalPoints = try
                (store.focalPointHistory(of: represented, meeting: stored)
                + store.submissionHistory(of: represented, meeting: stored))
                .enumerated().sorted { ($0.element.recordedAt, $0.offset) < ($1.element.recordedAt, $1.offset) }
                .map(\.element)
            guard let registered = try store.delegation(represented, meeting: stored) else {
                if focalPoints.isEmpty {
                    // The refusal of a delegation that sent no note.
                    _ = try registeredDelegation(delegation, meeting: stored)
                }
                return (stored.meeting, represented.name(on: stored.meeting.opens), focalPoints)
            }
            // Notes and credentials by receipt, focal points' links and submissions by when it was done; the sort is
            // stable, so a note keeps what was done to it after it.
            // A submission's arrival comes before the note it became, received at the same instant.
            func rank(_ entry: HistoryEntry) -> Int {
                if case .submission(.received, _, _, _, _) = entry.record { return 0 }
                return 1
            }
            let entries = (try store.history(of: registered, meeting: stored) + focalPoints)
                .enumerated()
                .sorted {
                    ($0.element.received, rank($0.element), $0.offset) < (
                        $1.element.received, rank($1.element), $1.offset
                    )
                }
                .map(\.element)
            return (stored.meeting, registered.name, entries)
        }
    }
}
