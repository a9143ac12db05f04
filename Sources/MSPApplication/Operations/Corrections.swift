import MSPDomain
import MSPStore

/// A correction of the secretariat's own transcription of a note: the fields given replace what was recorded.
package struct CorrectionRequest: Sendable, Equatable {
    package var note: Int64
    package var reason: String
    /// The delegation it was recorded against, when that was the mistake.
    package var delegation: String?
    /// For a delegation that is a new organization.
    package var category: String?
    package var reference: String?
    package var receivedAt: String?
    package var channel: String?
    /// One participant's fields, or the whole list as it should read (nil: unchanged).
    package var participants: ParticipantsCorrection?

    package init(
        note: Int64, reason: String, delegation: String? = nil, category: String? = nil, reference: String? = nil,
        receivedAt: String? = nil, channel: String? = nil, participants: ParticipantsCorrection? = nil
    ) {
        self.note = note
        self.reason = reason
        self.delegation = delegation
        self.category = category
        self.reference = reference
        self.receivedAt = receivedAt
        self.channel = channel
        self.participants = participants
    }
}

/// What a correction, voiding, restoring or undoing did.
package struct CorrectionRecording: Sendable, Equatable {
    package var meeting: Meeting
    package var note: Int64
    package var delegation: String
    /// What changed, one line a field ("reference: 'N 4' → 'N 45/2017'"); for a voiding or restoring, that.
    package var changes: [String]
    /// Whether the note is void now.
    package var voided: Bool
}

extension RegistrationDesk {
    /// Corrects the transcription of a recorded note (any of its fields, one participant's fields, or the whole list
    /// of participants when the request says it is the whole list), with a reason. The note
    /// as first recorded is never overwritten: the correction is a new version, and `history` shows both, who
    /// corrected it, when and why. The corrected note is checked as `register` checks a note.
    package func correct(_ request: CorrectionRequest, meeting code: String? = nil) throws -> CorrectionRecording {
        try writing {
            let stored = try meeting(code: code)
            let reason = try Self.reason(request.reason)
            let note = try currentNote(request.note, meeting: stored)
            let meeting = stored.meeting
            var submission = note.snapshot.submission(in: meeting.timeZone)
            if let delegation = request.delegation { submission.delegation = delegation }
            if let category = request.category { submission.category = category }
            if let reference = request.reference { submission.reference = reference }
            if let receivedAt = request.receivedAt { submission.receivedAt = receivedAt }
            if let channel = request.channel { submission.channel = channel }
            var draft: NoteDraft
            if note.kind == .withdrawal {
                // A withdrawal lists nobody: everything else is checked as for a note.
                guard request.participants == nil else {
                    throw InputError(
                        "note \(note.number) is a withdrawal, which lists no participant", field: .participants)
                }
                let placeholder = Submission.ParticipantEntry(role: "head", name: "placeholder")
                submission.participants = [placeholder]
                draft = try check(submission, meeting: meeting)
                draft.participants = []
                draft.isWithdrawal = true
            } else {
                if let participants = request.participants {
                    submission.participants = try participants.applied(to: submission.participants, note: note.number)
                }
                draft = try check(submission, meeting: meeting)
            }
            let corrected = NoteSnapshot(
                delegation: draft.represented.name, reference: draft.reference, receipt: draft.receipt,
                channel: draft.channel, participants: draft.participants)
            let changes = corrected.changes(since: note.snapshot, in: meeting.timeZone)
            guard !changes.isEmpty else {
                throw InputError("nothing to correct: note \(note.number) says that already", field: .note)
            }
            do {
                try store.replace(
                    note, with: draft, voided: false, meeting: stored, change: change("correct", reason: reason),
                    summary:
                        "corrected note \(note.number) of \(corrected.delegation): \(changes.joined(separator: "; "))")
            } catch let error as InputError {
                throw error.at(.reference)
            }
            return CorrectionRecording(
                meeting: meeting, note: note.number, delegation: corrected.delegation, changes: changes, voided: false)
        }
    }

    /// Voids a note recorded by mistake (typed twice, against the wrong meeting), with a reason: it leaves the list
    /// of participants, the late notes and the figures, and stays in the history. `restore` brings it back.
    package func void(note number: Int64, reason: String, meeting code: String? = nil) throws -> CorrectionRecording {
        try writing {
            try setVoided(true, note: number, reason: reason, meeting: code)
        }
    }

    /// Brings back a voided note, with a reason.
    package func restore(note number: Int64, reason: String, meeting code: String? = nil) throws -> CorrectionRecording
    {
        try writing {
            try setVoided(false, note: number, reason: reason, meeting: code)
        }
    }

    func setVoided(_ voided: Bool, note number: Int64, reason raw: String, meeting code: String?) throws
        -> CorrectionRecording
    {
        let stored = try meeting(code: code)
        let reason = try Self.reason(raw)
        let note = try currentNote(number, meeting: stored, allowVoided: true)
        guard note.voided != voided else {
            throw InputError(
                "note \(number) is \(voided ? "void already" : "not void")", field: .note, reason: .conflict)
        }
        let draft = try draft(of: note, meeting: stored.meeting)
        let what = voided ? "voided" : "restored"
        do {
            try store.replace(
                note, with: draft, voided: voided, meeting: stored,
                change: change(voided ? "void" : "restore", reason: reason),
                summary: "\(what) note \(number) of \(note.snapshot.delegation)")
        } catch let error as InputError {
            // The store names the reference that clashes, which this command does not take: the note is the field.
            throw InputError(error.message, field: .note, reason: error.reason)
        }
        return CorrectionRecording(
            meeting: stored.meeting, note: number, delegation: note.snapshot.delegation, changes: [what], voided: voided
        )
    }

    /// Undoes the newest correction, voiding or restoring of a note, with a reason: the version before it becomes
    /// the current one again, as a new version (nothing is deleted).
    package func undo(note number: Int64, reason raw: String, meeting code: String? = nil) throws -> CorrectionRecording
    {
        try writing {
            let stored = try meeting(code: code)
            let reason = try Self.reason(raw)
            let note = try currentNote(number, meeting: stored, allowVoided: true)
            let versions = try store.versions(number: number, meeting: stored)
            guard versions.count >= 2 else {
                throw InputError(
                    "note \(number) has not been corrected, voided or restored: nothing to undo", field: .note)
            }
            let earlier = versions[versions.count - 2]
            var draft = try draft(of: note, meeting: stored.meeting)
            let target = earlier.snapshot
            if target.delegation != note.snapshot.delegation {
                let resolver = try store.resolver(for: target.delegation)
                guard let represented = resolver.find(target.delegation) else {
                    throw InputError("'\(target.delegation)' is no longer found", field: .delegation)
                }
                draft.represented = represented
                draft.category = try category(of: represented, at: stored.meeting)
            }
            draft.reference = target.reference
            draft.receipt = target.receipt
            draft.channel = target.channel
            draft.participants = target.participants
            draft.lateness = stored.meeting.lateness(of: target.receipt)
            var changes = target.changes(since: note.snapshot, in: stored.meeting.timeZone)
            if earlier.voided != note.voided { changes.append(earlier.voided ? "voided" : "restored") }
            do {
                try store.replace(
                    note, with: draft, voided: earlier.voided, meeting: stored, change: change("undo", reason: reason),
                    summary: "undid the last change of note \(number) of \(target.delegation)")
            } catch let error as InputError {
                // The store names the reference that clashes, which this command does not take: the note is the field.
                throw InputError(error.message, field: .note, reason: error.reason)
            }
            return CorrectionRecording(
                meeting: stored.meeting, note: number, delegation: target.delegation, changes: changes,
                voided: earlier.voided)
        }
    }

    /// A note as a draft again, as it is recorded now.
    func draft(of note: StoredNote, meeting: Meeting) throws -> NoteDraft {
        NoteDraft(
            represented: note.represented, category: try category(of: note.represented, at: meeting),
            reference: note.snapshot.reference, receipt: note.snapshot.receipt, channel: note.snapshot.channel,
            participants: note.snapshot.participants, lateness: meeting.lateness(of: note.snapshot.receipt),
            isWithdrawal: note.kind == .withdrawal)
    }

    /// A submission checked for a meeting as `register` checks it.
    func check(_ submission: Submission, meeting: Meeting) throws -> NoteDraft {
        try NoteDraft.check(
            submission, meeting: meeting, resolver: store.resolver(for: submission.delegation ?? ""),
            membership: store.membership(convention: meeting.convention), now: clock())
    }
}
