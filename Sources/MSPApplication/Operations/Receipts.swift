import MSPDomain

/// When a note or credentials were received, where the clerk gives it: left out, it is now, which is right while
/// the meeting is being prepared and held and cannot be once it has closed. A note keyed in after the fact without its
/// receipt time would be recorded as received years after the deadline ("LATE: received 3033 days 18 hours after the
/// deadline"), and credentials as presented after the meeting.
///
/// So once the desk's clock is past the end of the meeting's closing day (in the venue's time zone), the receipt time
/// is required; and a receipt far from the meeting's dates is recorded with a warning, for the clerk to check: a note
/// received more than `doubtfulDaysAfterDeadline` days after the deadline (30: later than any amendment a
/// secretariat sees before a meeting, which closes registration two to four weeks before it opens), or credentials
/// received after the meeting closed.
extension RegistrationDesk {
    /// Days after the deadline past which a note's receipt is recorded with a warning.
    package static let doubtfulDaysAfterDeadline = 30

    /// Whether a receipt left out (now) is refused for `meeting`: the desk's clock is past its closing day.
    func receiptIsRequired(for meeting: Meeting) -> Bool {
        clock() >= meeting.timeZone.endOfDay(meeting.closes)
    }

    /// Refuses a receipt left out once `meeting` has closed (see the type's comment); `what` is what was received
    /// ("the note", "the credentials").
    func checkReceiptGiven(_ raw: String?, what: String, meeting: Meeting) throws {
        guard raw == nil, receiptIsRequired(for: meeting) else { return }
        throw Self.receiptRequired(what: what, meeting: meeting)
    }

    /// The refusal of a receipt left out after `meeting` closed: one wording for every operation and the import.
    static func receiptRequired(what: String, meeting: Meeting) -> InputError {
        InputError(
            "\(meeting.code) closed on \(meeting.closes): give the receipt time of \(what) (left out, it would be now)",
            field: .receivedAt)
    }

    /// The warning for a note received more than `doubtfulDaysAfterDeadline` days after `meeting`'s deadline, or nil.
    func noteReceiptWarning(_ receipt: Receipt, meeting: Meeting) -> String? {
        guard let seconds = meeting.deadline.lateBy(receipt.instant),
            seconds > Int64(Self.doubtfulDaysAfterDeadline) * 86400
        else { return nil }
        return
            "the note is recorded as received \(Self.when(receipt, meeting)), \(seconds / 86400) days after the deadline of \(meeting.code) (more than \(Self.doubtfulDaysAfterDeadline)): check the receipt time"
    }

    /// The warning for credentials received after `meeting` closed, or nil.
    func credentialsReceiptWarning(_ receipt: Receipt, meeting: Meeting) -> String? {
        guard receipt.instant >= meeting.timeZone.endOfDay(meeting.closes) else { return nil }
        return
            "the credentials are recorded as received \(Self.when(receipt, meeting)), after \(meeting.code) closed on \(meeting.closes): check the receipt time"
    }

    static func when(_ receipt: Receipt, _ meeting: Meeting) -> String {
        let zone = meeting.timeZone
        return receipt.precision == .date
            ? zone.localDate(of: receipt.instant).description : zone.format(receipt.instant)
    }
}
