import Crypto
import Foundation
import MSPDomain
import MSPStore

/// A note a focal point submits through their link: the note's reference, its participants, and the note verbale
/// or letter as a PDF. Nothing names the delegation or the meeting: the link does. No client file name is taken.
package struct NoteSubmissionRequest: Sendable, Equatable {
    package var reference: String?
    package var participants: [Submission.ParticipantEntry]
    /// The PDF's bytes, as uploaded.
    package var pdf: Data

    package init(reference: String?, participants: [Submission.ParticipantEntry], pdf: Data) {
        self.reference = reference
        self.participants = participants
        self.pdf = pdf
    }
}

/// A withdrawal a focal point submits through their link: the reference of the note verbale and the note itself as a
/// PDF. Its receipt time is the desk's clock, as a note's is.
package struct WithdrawalSubmissionRequest: Sendable, Equatable {
    package var reference: String?
    /// The PDF's bytes, as uploaded.
    package var pdf: Data

    package init(reference: String?, pdf: Data) {
        self.reference = reference
        self.pdf = pdf
    }
}

/// A focal point's submission as the desk shows it, to its focal point or to the secretariat.
package struct FocalPointSubmission: Sendable, Equatable {
    package var id: Int64
    package var meeting: Meeting
    package var delegation: String
    /// A note (participants listed) or a withdrawal (none).
    package var kind: SubmissionKind
    /// The address of the link it came through.
    package var focalPointEmail: String
    /// The server's clock when it arrived: what the deadline applies to.
    package var received: Instant
    /// On time, or how late.
    package var lateness: Lateness
    package var reference: String?
    package var participants: [Participant]
    /// SHA-256 of the PDF, in lowercase hexadecimal, and its size in bytes.
    package var pdfSHA256: String
    package var pdfSize: Int
    package var status: SubmissionStatus
    /// Who accepted or returned it, and when; nil while pending.
    package var decidedBy: String?
    package var decidedAt: Instant?
    /// The secretariat's reason for returning it.
    package var reason: String?
    /// Once accepted: the number of the note it became.
    package var noteNumber: Int64?

    init(_ entry: SubmissionEntry, meeting: Meeting) {
        id = entry.id
        self.meeting = meeting
        delegation = entry.delegation
        kind = entry.kind
        focalPointEmail = entry.focalPointEmail
        received = entry.received
        lateness = meeting.lateness(of: Receipt(instant: entry.received, precision: .instant))
        reference = entry.content.reference
        participants = entry.content.participants
        pdfSHA256 = entry.pdfSha256.map { String(format: "%02x", $0) }.joined()
        pdfSize = entry.pdfSize
        status = entry.status
        decidedBy = entry.decided?.by
        decidedAt = entry.decided?.at
        reason = entry.decided?.reason
        noteNumber = entry.noteNumber
    }
}

/// A page of the secretariat's queue: some of the pending submissions (oldest first, from the `from`-th) and of the
/// decided ones (newest decision first), with how many there are in all.
package struct SubmissionQueue: Sendable, Equatable {
    package var meeting: Meeting
    /// The position of the page's first pending submission among all pending (0 first).
    package var from: Int
    package var pending: [FocalPointSubmission]
    package var pendingCount: Int
    /// How many pending submissions arrived after the deadline.
    package var lateCount: Int
    package var decided: [FocalPointSubmission]
    package var decidedCount: Int
}

/// What a focal point's link shows: the meeting, the delegation's composition now, and what it submitted.
package struct FocalPointOverview: Sendable, Equatable {
    package var access: FocalPointAccess
    /// The composition the list of participants counts now (empty if it has none, or withdrew).
    package var composition: [Participant]
    /// Whether the delegation has sent a note (by any way) and whether it is withdrawn.
    package var registered: Bool
    package var withdrawn: Bool
    /// Its submissions, newest first.
    package var submissions: [FocalPointSubmission]
    /// The desk's clock now, for the time left before the deadline.
    package var now: Instant
}

extension RegistrationDesk {
    /// Receives a note through a focal point's link: checked as `register` checks a note (for the link's delegation
    /// and meeting only), its PDF checked by its content, and kept pending for the secretariat with the receipt time
    /// of the desk's clock now. A late submission is kept too, marked late (its `lateness` says by how much). The
    /// e-mail to the focal point (`SubmissionMail.received`) is queued with it, in the same transaction.
    ///
    /// A reference the delegation has recorded already is refused (`.conflict` on `reference`); a link that does not
    /// work is refused as `focalPoint(token:)` refuses it.
    package func submit(token: String, request: NoteSubmissionRequest) throws -> FocalPointSubmission {
        let now = clock()
        // The note checked as `register` checks one, and its PDF, on a read transaction (under `msp serve`, a reader
        // beside the writer, so that submissions are checked in parallel): nothing of it depends on what another
        // writer may change but the link and the references, which the write below reads again.
        let (checked, stored, link) = try reading { () throws -> (NoteDraft, StoredMeeting, Int64) in
            let access = try focalPoint(token: token)
            let stored = try meeting(code: access.meeting.code)
            // The convention's records, read once for the check and the category (every submission needs them).
            let membership = try store.membership(convention: stored.meeting.convention)
            let submission = Submission(
                meeting: stored.meeting.code, delegation: access.delegation, reference: request.reference,
                receivedAt: nil, participants: request.participants)
            var draft = try NoteDraft.check(
                submission, meeting: stored.meeting, resolver: store.resolver(for: access.delegation),
                membership: membership, now: now)
            // The link's delegation, whatever its name finds: a link never writes for another.
            draft.represented = access.represented
            draft.category = try category(of: access.represented, at: stored.meeting, membership: membership)
            // The PDF's content, once the link is known to work (a link that does not is refused first).
            try NoteDocument.check(request.pdf)
            return (draft, stored, access.focalPointId)
        }
        let sha256 = Data(SHA256.hash(data: request.pdf))
        let content = SubmissionContent(reference: checked.reference, participants: checked.participants)
        let lateness = stored.meeting.lateness(of: checked.receipt)
        return try writing {
            // The rules another writer could break meanwhile, on what this transaction sees: the link still works
            // (and is the same delegation's), and the reference is neither recorded nor waiting in the queue.
            let access = try focalPoint(token: token)
            guard access.focalPointId == link else {
                throw InputError(
                    "this link does not work: it may have been revoked or replaced; ask the secretariat for a new one",
                    field: .token, reason: .notFound)
            }
            try checkReferenceIsNew(checked, meeting: stored)
            let entry = try store.addSubmission(
                focalPoint: access.focalPointId, meeting: stored, content: content, pdf: request.pdf,
                pdfSha256: sha256, received: now, change: focalPointChange(access),
                summary:
                    "submission of note \(checked.reference ?? "without reference") of \(access.delegation) through its focal point's link (\(lateness.timing))",
                mail: { SubmissionMail.received(FocalPointSubmission($0, meeting: stored.meeting)) })
            return FocalPointSubmission(entry, meeting: stored.meeting)
        }
    }

    /// Receives a withdrawal through a focal point's link, kept pending for the secretariat with the receipt time of
    /// the desk's clock now, as a note is. The delegation must be registered and not withdrawn, checked as `withdraw`
    /// checks it (`.notFound` or `.conflict` on `delegation`); the PDF is checked by its content.
    package func submitWithdrawal(token: String, request: WithdrawalSubmissionRequest) throws -> FocalPointSubmission {
        // The PDF read and hashed before the write lock is taken (up to 10 MB); its problem, if any, is told in its
        // turn below, after the link's and the delegation's.
        let pdfChecked = Result { try NoteDocument.check(request.pdf) }
        let sha256 = Data(SHA256.hash(data: request.pdf))
        return try writing {
            let access = try focalPoint(token: token)
            let stored = try meeting(code: access.meeting.code)
            let now = clock()
            let reference = try NoteDraft.reference(request.reference)
            let draft = try submittedWithdrawal(
                access.represented, name: access.delegation, reference: reference,
                receipt: Receipt(instant: now, precision: .instant), meeting: stored)
            try pdfChecked.get()
            try checkReferenceIsNew(draft, meeting: stored)
            let lateness = stored.meeting.lateness(of: draft.receipt)
            let entry = try store.addSubmission(
                focalPoint: access.focalPointId, meeting: stored, kind: .withdrawal,
                content: SubmissionContent(reference: reference, participants: []), pdf: request.pdf,
                pdfSha256: sha256, received: now, change: focalPointChange(access),
                summary:
                    "submission of withdrawal \(reference ?? "without reference") of \(access.delegation) through its focal point's link (\(lateness.timing))",
                mail: { SubmissionMail.received(FocalPointSubmission($0, meeting: stored.meeting)) })
            return FocalPointSubmission(entry, meeting: stored.meeting)
        }
    }

    /// A withdrawal sent through a focal point's link, checked when it arrives and again when it is accepted: the
    /// delegation (`name` as the link names it) must be registered, then as `withdrawalDraft` checks any withdrawal.
    private func submittedWithdrawal(
        _ represented: Represented, name: String, reference: String?, receipt: Receipt, meeting stored: StoredMeeting
    ) throws -> NoteDraft {
        guard let delegation = try store.delegation(represented, meeting: stored) else {
            throw InputError(
                "\(name) has no registration for \(stored.meeting.code) to withdraw", field: .delegation,
                reason: .notFound)
        }
        return try withdrawalDraft(
            represented, delegation: delegation, reference: reference, receipt: receipt, meeting: stored)
    }

    /// A reference the delegation has recorded already would be refused on acceptance: say so when the submission
    /// arrives (`checkReferenceIsNew`, read in the submission's own transaction).
    /// A reference a pending submission of the delegation carries is refused too, naming it: the same note sent
    /// twice (a double click, two staff of one mission) would otherwise wait in the queue twice.
    private func checkReferenceIsNew(_ draft: NoteDraft, meeting stored: StoredMeeting) throws {
        try checkReferenceIsNew(draft.reference, of: draft.represented, meeting: stored)
        guard let reference = draft.reference else { return }
        if let twin = try store.pendingSubmissionId(reference: reference, of: draft.represented, meeting: stored) {
            throw InputError(
                "note '\(reference)' was submitted already (submission \(twin), awaiting the secretariat): it is not submitted twice",
                field: .reference, reason: .conflict)
        }
    }

    /// A change made through a focal point's link: who is the address the link was sent to.
    private func focalPointChange(_ access: FocalPointAccess) -> ChangeInfo {
        var info = change("submit")
        info.osUser = "focal point \(access.email)"
        return info
    }

    /// What a focal point's link shows: its delegation's composition at its meeting and the delegation's own
    /// submissions (through this link or an earlier one), nothing of any other delegation.
    package func focalPointOverview(token: String) throws -> FocalPointOverview {
        try reading {
            let access = try focalPoint(token: token)
            let stored = try meeting(code: access.meeting.code)
            let registered = try store.delegation(access.represented, meeting: stored)
            let composition = try registered.map { try store.composition(of: $0) } ?? []
            let submissions = try store.submissions(of: access.represented, meeting: stored)
                .map { FocalPointSubmission($0, meeting: stored.meeting) }
            return FocalPointOverview(
                access: access, composition: composition, registered: registered != nil,
                withdrawn: registered?.withdrawn ?? false, submissions: submissions.reversed(), now: clock())
        }
    }

    /// The meeting's submissions with `status` (all when nil), oldest first: the secretariat's queue with
    /// `.pending`.
    package func submissions(meeting code: String? = nil, status: SubmissionStatus? = .pending) throws -> (
        meeting: Meeting, submissions: [FocalPointSubmission]
    ) {
        try reading {
            let stored = try meeting(code: code)
            return (
                stored.meeting,
                try store.submissions(meeting: stored, status: status).map {
                    FocalPointSubmission($0, meeting: stored.meeting)
                }
            )
        }
    }

    /// One page of the secretariat's queue: `pageSize` pending submissions from the `from`-th (0 first), oldest first,
    /// the `pageSize` most recently decided, newest first, and the counts of both. Only the page's rows are read.
    package func submissionQueue(meeting code: String? = nil, from: Int = 0, pageSize: Int = 100) throws
        -> SubmissionQueue
    {
        try reading {
            let stored = try meeting(code: code)
            let counts = try store.queueCounts(meeting: stored, late: stored.meeting.deadline.firstLateSecond)
            let page = try store.queuePage(
                meeting: stored, offset: max(0, from), limit: max(1, pageSize), decided: max(1, pageSize))
            return SubmissionQueue(
                meeting: stored.meeting, from: max(0, from),
                pending: page.pending.map { FocalPointSubmission($0, meeting: stored.meeting) },
                pendingCount: counts.pending, lateCount: counts.late,
                decided: page.decided.map { FocalPointSubmission($0, meeting: stored.meeting) },
                decidedCount: counts.decided)
        }
    }

    /// One of the meeting's submissions, with its PDF. An id not of the meeting is `.notFound` on `submission`.
    package func submission(id: Int64, meeting code: String? = nil) throws -> (
        submission: FocalPointSubmission, pdf: Data
    ) {
        try reading {
            let stored = try meeting(code: code)
            let entry = try submissionEntry(id, meeting: stored)
            guard let pdf = try store.submissionPDF(id: id, meeting: stored) else {
                throw InputError(
                    "there is no submission \(id) at \(stored.meeting.code)", field: .submission, reason: .notFound)
            }
            return (FocalPointSubmission(entry, meeting: stored.meeting), pdf)
        }
    }

    /// Accepts a pending submission: it becomes the delegation's registration or amendment, recorded as `register`
    /// records a note, with the submission's receipt time (a late one is a late note, which the secretariat then
    /// decides on as any other). Who accepted it and when are kept with the change.
    package func acceptSubmission(id: Int64, meeting code: String? = nil) throws -> (
        submission: FocalPointSubmission, note: NoteRecording
    ) {
        try writing {
            let stored = try meeting(code: code)
            let entry = try pendingSubmission(id, meeting: stored)
            let receipt = Receipt(instant: entry.received, precision: .instant)
            let draft: NoteDraft
            switch entry.kind {
            case .note:
                draft = NoteDraft(
                    represented: entry.represented, category: try category(of: entry.represented, at: stored.meeting),
                    reference: entry.content.reference, receipt: receipt, channel: nil,
                    participants: entry.content.participants, lateness: stored.meeting.lateness(of: receipt))
            case .withdrawal:
                // Checked again: the delegation may have been withdrawn, or sent a newer note, since it arrived.
                draft = try submittedWithdrawal(
                    entry.represented, name: entry.delegation, reference: entry.content.reference, receipt: receipt,
                    meeting: stored)
            }
            let (accepted, recorded) = try store.acceptSubmission(
                id, draft: draft, meeting: stored, change: change("accept submission"),
                summary:
                    "accepted submission \(id): \(entry.kind.rawValue) \(draft.reference ?? "without reference") of \(entry.delegation)",
                mail: { SubmissionMail.accepted(FocalPointSubmission($0, meeting: stored.meeting)) })
            let recording = NoteRecording(
                meeting: stored.meeting, delegation: recorded.delegation, category: recorded.category,
                kind: recorded.kind, reference: draft.reference, receipt: receipt,
                participantCount: recorded.participantCount, lateness: recorded.lateness, dryRun: false)
            return (FocalPointSubmission(accepted, meeting: stored.meeting), recording)
        }
    }

    /// Returns a pending submission to its focal point with a reason (required, as a decision's is). Nothing is
    /// recorded of the note; the focal point sees the reason and may submit again.
    package func returnSubmission(id: Int64, reason: String, meeting code: String? = nil) throws
        -> FocalPointSubmission
    {
        try writing {
            let stored = try meeting(code: code)
            let reason = try Self.reason(reason)
            let entry = try pendingSubmission(id, meeting: stored)
            let returned = try store.returnSubmission(
                id, meeting: stored, change: change("return submission", reason: reason),
                summary:
                    "returned submission \(id): \(entry.kind.rawValue) \(entry.content.reference ?? "without reference") of \(entry.delegation)",
                mail: { SubmissionMail.returned(FocalPointSubmission($0, meeting: stored.meeting)) })
            return FocalPointSubmission(returned, meeting: stored.meeting)
        }
    }

    private func submissionEntry(_ id: Int64, meeting: StoredMeeting) throws -> SubmissionEntry {
        guard let entry = try store.submission(id: id, meeting: meeting) else {
            throw InputError(
                "there is no submission \(id) at \(meeting.meeting.code)", field: .submission, reason: .notFound)
        }
        return entry
    }

    private func pendingSubmission(_ id: Int64, meeting: StoredMeeting) throws -> SubmissionEntry {
        let entry = try submissionEntry(id, meeting: meeting)
        guard entry.status == .pending else {
            throw InputError(
                "submission \(id) was \(entry.status.rawValue) already", field: .submission, reason: .conflict)
        }
        return entry
    }
}
