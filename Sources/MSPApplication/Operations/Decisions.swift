import MSPDomain
import MSPStore

/// The secretariat's decision on a late note, as a front end gives it.
package struct DecisionRequest: Sendable, Equatable {
    /// The note's number, as `list-late` and `history` show it.
    package var note: Int64
    package var outcome: Decision
    package var reason: String

    package init(note: Int64, outcome: Decision, reason: String) {
        self.note = note
        self.outcome = outcome
        self.reason = reason
    }
}

/// What recording a decision did.
package struct DecisionRecording: Sendable, Equatable {
    package var meeting: Meeting
    package var note: Int64
    package var delegation: String
    package var reference: String?
    package var lateness: Lateness
    package var outcome: Decision
    /// The decision it replaces, if the note had one.
    package var previous: DecisionTaken?
}

extension FieldPath {
    /// A note's number, and the reason the secretariat gives for a decision, a correction or a voiding.
    package static let note = key("note")
    package static let reason = key("reason")
}

extension RegistrationDesk {
    /// Records the secretariat's decision on a late note: accepted or declined, with a reason. A note received on
    /// time, a late withdrawal (which needs none) and a voided note are not decided on. A later decision replaces
    /// the earlier one, which stays in the history; the delegation's composition follows at once (a declined note
    /// never changes it).
    package func decide(_ request: DecisionRequest, meeting code: String? = nil) throws -> DecisionRecording {
        try writing {
            let stored = try meeting(code: code)
            let reason = try Self.reason(request.reason)
            let note = try currentNote(request.note, meeting: stored)
            let meeting = stored.meeting
            guard
                LateNote.needsDecision(
                    kind: note.kind, received: note.snapshot.receipt.instant, deadline: meeting.deadline)
            else {
                let why =
                    note.kind == .withdrawal
                    ? "it is a withdrawal" : "it was received on time"
                throw InputError("note \(request.note) needs no decision: \(why)", field: .note)
            }
            let previous = try store.decision(on: note)
            if let previous, previous.outcome == request.outcome {
                // Nothing would change: the same decision asked twice (two clerks at once, a double click).
                throw InputError(
                    "note \(request.note) is \(request.outcome.rawValue) already (by \(previous.by)): decide again only to change the decision",
                    field: .note, reason: .conflict)
            }
            let verb = request.outcome == .accepted ? "accept" : "decline"
            try store.decide(
                request.outcome, on: note, meeting: stored, change: change(verb, reason: reason),
                summary: "\(request.outcome.rawValue) late note \(note.number) of \(note.snapshot.delegation)")
            return DecisionRecording(
                meeting: meeting, note: note.number, delegation: note.snapshot.delegation,
                reference: note.snapshot.reference,
                lateness: meeting.lateness(of: note.snapshot.receipt), outcome: request.outcome, previous: previous)
        }
    }

    /// Sets what the meeting's late notes awaiting a decision do: count until declined (`include`), or only once
    /// accepted (`hold`). Every delegation's composition follows at once.
    @discardableResult
    package func setUndecidedLateNotes(_ choice: UndecidedLateNotes, meeting code: String? = nil) throws -> Meeting {
        try writing {
            let stored = try meeting(code: code)
            return try store.setUndecidedLateNotes(choice, meeting: stored, change: change("meeting set")).meeting
        }
    }

    /// The note with this number at the meeting, which must not be void.
    func currentNote(_ number: Int64, meeting: StoredMeeting, allowVoided: Bool = false) throws -> StoredNote {
        guard let note = try store.note(number: number, meeting: meeting) else {
            throw InputError("there is no note \(number) at \(meeting.meeting.code)", field: .note, reason: .notFound)
        }
        if note.voided && !allowVoided {
            throw InputError("note \(number) is void: restore it first", field: .note, reason: .conflict)
        }
        return note
    }

    /// A reason as given: required, one line, at most 500 characters.
    static func reason(_ raw: String) throws -> String {
        let reason = try raw.checkedText("reason", field: .reason).trimmed
        guard !reason.isEmpty else { throw InputError("a reason is required", field: .reason) }
        guard reason.count <= 500 else { throw InputError("the reason is longer than 500 characters", field: .reason) }
        return reason
    }
}
