import MSPDomain
import MSPStore

/// What recording a note did, or would do in a dry run.
package struct NoteRecording: Sendable, Equatable {
    package var meeting: Meeting
    /// The delegation as recorded: its canonical name and category at the meeting.
    package var delegation: String
    package var category: Category
    package var kind: NoteKind
    package var reference: String?
    package var receipt: Receipt
    package var participantCount: Int
    /// On time, or how late.
    package var lateness: Lateness
    /// True when nothing was written.
    package var dryRun: Bool
    /// A receipt to check, recorded all the same: more than 30 days after the deadline (see `noteReceiptWarning`).
    package var warning: String? = nil
}

/// A delegation's withdrawal as a front end gives it.
package struct WithdrawalRequest: Sendable, Equatable {
    package var delegation: String
    /// When the note of withdrawal was received, in any form a receipt takes; nil is now.
    package var receivedAt: String?
    package var reference: String?

    package init(delegation: String, receivedAt: String? = nil, reference: String? = nil) {
        self.delegation = delegation
        self.receivedAt = receivedAt
        self.reference = reference
    }
}

extension RegistrationDesk {
    /// Records a note verbale or letter for a meeting: the first note of a delegation registers it, a later one
    /// amends it; a late note is recorded and flagged for the secretariat to decide. With `dryRun`, everything is
    /// checked (a reference recorded already included) and nothing is written.
    ///
    /// The meeting is `meeting` if given, else the one the submission names, else the only one in the database; a
    /// submission naming another meeting than `meeting` is refused.
    ///
    /// A note that repeats one recorded already is probably the same note typed twice: one without a reference whose
    /// participants are those of a note recorded the same day for the same delegation, or one whose reference differs
    /// from a recorded note's only in how it is typed ("GV.OR.18/412" for "GV.OR.18/0412") with the same receipt time
    /// and participants. It is refused unless `confirmedNotDuplicate`.
    package func register(
        _ submission: Submission, meeting code: String? = nil, dryRun: Bool = false,
        confirmedNotDuplicate: Bool = false
    ) throws -> NoteRecording {
        try writing {
            let stored = try meeting(code: code ?? submission.meeting?.trimmedOrNil)
            try Self.checkMeeting(of: submission, is: stored.meeting)
            let typed = submission.delegation ?? ""
            // The one State the note names, if it names one: its record is all of the membership the check reads.
            let state = ReferenceData.states.find(typed.trimmed)
            let draft = try NoteDraft.check(
                submission, meeting: stored.meeting, resolver: store.resolver(for: typed),
                membership: store.membership(
                    convention: stored.meeting.convention, states: state.map { [$0.iso3] } ?? []),
                now: clock())
            try checkReceiptGiven(submission.receivedAt, what: "the note", meeting: stored.meeting)
            if !confirmedNotDuplicate { try checkNotTypedTwice(draft, meeting: stored) }
            let summary =
                "note \(draft.reference ?? "without reference") of \(draft.represented.name(on: stored.meeting.opens))"
            let recorded: RecordedNote
            do {
                recorded = try store.record(
                    [draft], meeting: stored, change: change("register"), summary: summary, dryRun: dryRun)[0]
            } catch let error as InputError {
                // The store finds a reference recorded already.
                throw error.at(.reference)
            }
            return NoteRecording(
                meeting: stored.meeting, delegation: recorded.delegation, category: recorded.category,
                kind: recorded.kind, reference: draft.reference, receipt: draft.receipt,
                participantCount: recorded.participantCount, lateness: recorded.lateness, dryRun: dryRun,
                warning: noteReceiptWarning(draft.receipt, meeting: stored.meeting))
        }
    }

    /// A submission that names its meeting must name the one it is recorded for.
    static func checkMeeting(of submission: Submission, is meeting: Meeting) throws {
        if let named = submission.meeting?.trimmedOrNil, named.lowercased() != meeting.code.lowercased() {
            throw InputError("the note is for meeting \(named), not \(meeting.code)", field: .meeting)
        }
    }

    /// Records a delegation's withdrawal: a note without participants that takes it off the list of participants
    /// (nothing is deleted; a later registration or amendment brings it back). The delegation must be registered
    /// and not withdrawn already, and the withdrawal must be newer than its newest note.
    package func withdraw(_ request: WithdrawalRequest, meeting code: String? = nil) throws -> NoteRecording {
        try writing {
            let stored = try meeting(code: code)
            let (represented, delegation) = try registeredDelegation(request.delegation, meeting: stored)
            let receipt = try stored.meeting.receipt(request.receivedAt, now: clock(), field: .receivedAt)
            let reference = try NoteDraft.reference(request.reference)
            let draft = try withdrawalDraft(
                represented, delegation: delegation, reference: reference, receipt: receipt, meeting: stored)
            try checkReceiptGiven(request.receivedAt, what: "the withdrawal", meeting: stored.meeting)
            let summary = "withdrawal \(reference ?? "without reference") of \(delegation.name)"
            let recorded: RecordedNote
            do {
                recorded = try store.record([draft], meeting: stored, change: change("withdraw"), summary: summary)[0]
            } catch let error as InputError {
                throw error.at(.reference)
            }
            return NoteRecording(
                meeting: stored.meeting, delegation: recorded.delegation, category: draft.category,
                kind: .withdrawal, reference: reference, receipt: receipt, participantCount: 0,
                lateness: recorded.lateness, dryRun: false,
                warning: noteReceiptWarning(receipt, meeting: stored.meeting))
        }
    }

    /// A delegation's withdrawal, received at `receipt`, checked: the delegation is not withdrawn already, and the
    /// withdrawal is newer than its newest note (one received before would not take it off). One rule for `withdraw`
    /// and for a withdrawal a focal point submits, when it arrives and again when the secretariat accepts it.
    func withdrawalDraft(
        _ represented: Represented, delegation: RegisteredDelegation, reference: String?, receipt: Receipt,
        meeting stored: StoredMeeting
    ) throws -> NoteDraft {
        guard !delegation.withdrawn else {
            throw InputError(
                "\(delegation.name) is already withdrawn from \(stored.meeting.code)", field: .delegation,
                reason: .conflict)
        }
        let after = DelegationTimeline(
            delegation.timeline + [
                DelegationTimeline.Entry(id: .max, received: receipt.instant, isWithdrawal: true, participantCount: 0)
            ])
        guard after.isWithdrawn else {
            throw InputError(
                "the withdrawal is received before \(delegation.name)'s newest note, which it would not override",
                field: .receivedAt)
        }
        return NoteDraft(
            represented: represented, category: try category(of: represented, at: stored.meeting),
            reference: reference, receipt: receipt, channel: nil, participants: [],
            lateness: stored.meeting.lateness(of: receipt), isWithdrawal: true)
    }

    /// Refuses a reference the delegation has recorded already among its current notes: a reference is recorded
    /// once per delegation (a correction's new version keeps its note's). One rule for `register`, `withdraw`, an
    /// import and a focal point's submission, checked in the operation's transaction.
    func checkReferenceIsNew(_ reference: String?, of represented: Represented, meeting: StoredMeeting) throws {
        guard let reference,
            let number = try store.currentNoteNumber(reference: reference, of: represented, meeting: meeting)
        else { return }
        throw InputError.referenceRecorded(
            reference, of: represented.name(on: meeting.meeting.opens), at: meeting.meeting.code, note: number)
    }

    /// Refuses a note that repeats one of the delegation's current notes: without a reference, the participants of a
    /// note recorded today (in the venue's time zone) without one; with a reference, a note whose reference is the
    /// same loosely (`NoteReference.looseKey`: case, spaces, punctuation, leading zeros) but not exactly (that one is
    /// a reference recorded already), received at the same time, with the same participants. Checked on what the
    /// operation's transaction reads.
    func checkNotTypedTwice(_ draft: NoteDraft, meeting: StoredMeeting) throws {
        func people(_ participants: [Participant]) -> [String] {
            participants.map { "\($0.role.rawValue) \(NameKey.of($0.displayName))" }
        }
        guard let reference = draft.reference else {
            let zone = meeting.meeting.timeZone
            let today = zone.startOfDay(zone.localDate(of: clock()))
            let recent = try store.notesRecorded(since: today, delegation: draft.represented, meeting: meeting)
            if let twin = recent.first(where: {
                $0.snapshot.reference == nil && people($0.snapshot.participants) == people(draft.participants)
            }) {
                throw InputError(
                    "probably a duplicate: note \(twin.number) of \(twin.snapshot.delegation), recorded today without a reference, lists the same participants; confirm that this is another note to record it",
                    field: .participants, reason: .conflict)
            }
            return
        }
        let current = try store.notesRecorded(
            since: Instant(secondsSinceEpoch: .min), delegation: draft.represented, meeting: meeting)
        if let twin = current.first(where: {
            $0.snapshot.reference.map { NoteReference.areLooselyEqual($0, reference) } ?? false
                && $0.snapshot.receipt.instant == draft.receipt.instant
                && people($0.snapshot.participants) == people(draft.participants)
        }) {
            throw InputError(
                "probably a duplicate: note \(twin.number) of \(twin.snapshot.delegation), '\(twin.snapshot.reference ?? "")', has the same reference typed otherwise, the same receipt time and the same participants; confirm that this is another note to record it",
                field: .participants, reason: .conflict)
        }
    }
}
