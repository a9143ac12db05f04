import MSPDomain
import MSPStore

extension RegistrationDesk {
    /// Every note received after the deadline that awaits a decision, oldest first.
    public func lateNotes(meeting code: String? = nil) throws -> (meeting: Meeting, notes: [LateNote]) {
        let stored = try meeting(code: code)
        return (stored.meeting, try store.lateNotes(stored))
    }

    /// The list of participants: every delegation not withdrawn, with its newest composition, in UN order.
    public func roster(meeting code: String? = nil) throws -> (meeting: Meeting, roster: Roster) {
        let stored = try meeting(code: code)
        return (stored.meeting, try store.roster(stored))
    }

    /// The meeting's registration figures.
    public func statistics(meeting code: String? = nil) throws -> (meeting: Meeting, statistics: MeetingStatistics) {
        let stored = try meeting(code: code)
        return (stored.meeting, try store.statistics(stored))
    }

    /// A delegation's notes and credentials in the order they were received, with who recorded each and when.
    public func history(delegation: String, meeting code: String? = nil) throws -> (
        meeting: Meeting, delegation: String, entries: [HistoryEntry]
    ) {
        let stored = try meeting(code: code)
        let (_, registered) = try registeredDelegation(delegation, meeting: stored)
        return (stored.meeting, registered.name, try store.history(of: registered, meeting: stored))
    }
}
