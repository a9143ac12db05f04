import MSPDomain
import MSPStore

/// The e-mails a focal point receives about their submissions, notes and withdrawals alike: one function per event,
/// each the message's subject and text from the submission as the change left it.
package enum SubmissionMail {
    /// The submission arrived: when (in the venue's time), on time or how late, what it lists.
    package static func received(_ submission: FocalPointSubmission) -> QueuedMail {
        let timing = submission.lateness.timing
        var body = greeting(submission)
        body += "The secretariat received your \(noun(submission)) \(timing).\n\n"
        body += details(submission)
        body +=
            submission.lateness.isLate
            ? "\nIt arrived after the registration deadline: the secretariat will decide whether to accept it.\n"
            : "\n"
        body += "It is pending until the secretariat accepts it or returns it to you; you will be told by e-mail.\n"
        return mail(submission, event: "submission received", what: "received \(timing)", body: body)
    }

    /// The secretariat accepted it: it is the delegation's registration (or amendment) now, or its withdrawal.
    package static func accepted(_ submission: FocalPointSubmission) -> QueuedMail {
        var body = greeting(submission)
        switch submission.kind {
        case .note:
            body += "The secretariat accepted your submission: it is now your delegation's registration"
        case .withdrawal:
            body += "The secretariat accepted your withdrawal: your delegation is no longer on the list of participants"
        }
        body += submission.noteNumber.map { " (note \($0))" } ?? ""
        body += ".\n\n"
        body += details(submission)
        return mail(submission, event: "submission accepted", what: "accepted", body: body + "\n")
    }

    /// The secretariat returned it, with its reason: nothing of it was recorded.
    package static func returned(_ submission: FocalPointSubmission) -> QueuedMail {
        var body = greeting(submission)
        body += "The secretariat returned your \(noun(submission)). Its reason:\n\n"
        for line in (submission.reason ?? "(none given)").split(separator: "\n", omittingEmptySubsequences: false) {
            body += "  \(line)\n"
        }
        body += "\nNothing of it was recorded. You may correct it and submit again through your link.\n\n"
        body += details(submission)
        return mail(submission, event: "submission returned", what: "returned", body: body + "\n")
    }

    // MARK: - Shared parts

    static func mail(_ submission: FocalPointSubmission, event: String, what: String, body: String) -> QueuedMail {
        let meeting = submission.meeting
        // "note Note 45/2017", "withdrawal Note 50/2017": what it is, then its reference.
        let note =
            (submission.kind == .withdrawal ? "withdrawal " : "note ") + (submission.reference ?? "without reference")
        return QueuedMail(
            event: event,
            to: MailAddress(name: "Focal point of \(submission.delegation)", address: submission.focalPointEmail),
            subject: "\(meeting.code) – \(meeting.title): \(note) of \(submission.delegation) \(what)",
            body: body + signature(meeting))
    }

    static func greeting(_ submission: FocalPointSubmission) -> String {
        "Dear focal point of \(submission.delegation),\n\n"
    }

    /// The delegation, reference, receipt time in the venue's zone, on time or late, and the participants.
    static func details(_ submission: FocalPointSubmission) -> String {
        let zone = submission.meeting.timeZone
        var text = "Meeting:     \(submission.meeting.code), \(submission.meeting.title)\n"
        text += "Delegation:  \(submission.delegation)\n"
        text += "Reference:   \(submission.reference ?? "(none)")\n"
        text += "Received:    \(zone.format(submission.received)) (\(zone.identifier))\n"
        text += "Deadline:    \(deadline(submission.meeting))\n"
        text += "On time:     \(submission.lateness.isLate ? "no, late by \(submission.lateness)" : "yes")\n"
        text += "Submission:  \(submission.id)\n"
        guard submission.kind == .note else {
            return text + "\nA withdrawal of the delegation: it lists no participant.\n"
        }
        text += "\nParticipants (\(submission.participants.count)):\n"
        for participant in submission.participants {
            let function = participant.function.map { ", \($0)" } ?? ""
            text += "  - \(role(participant.role)): \(participant.displayName)\(function)\n"
        }
        return text
    }

    static func deadline(_ meeting: Meeting) -> String {
        meeting.deadline.day == nil
            ? "\(meeting.deadlineDescription) (\(meeting.timeZone.identifier))" : meeting.deadlineDescription
    }

    /// "submission" or "withdrawal", as the messages name what the focal point sent.
    static func noun(_ submission: FocalPointSubmission) -> String {
        submission.kind == .withdrawal ? "withdrawal" : "submission"
    }

    static func role(_ role: Role) -> String {
        switch role {
        case .head: return "Head of delegation"
        case .alternate: return "Alternate"
        case .adviser: return "Adviser"
        }
    }

    static func signature(_ meeting: Meeting) -> String {
        "\n-- \nThe secretariat of the \(meeting.code)\(meeting.venue.map { ", \($0)" } ?? "")\n"
            + "This message was sent by msp, the registration system; your link shows your submissions' status.\n"
    }
}
