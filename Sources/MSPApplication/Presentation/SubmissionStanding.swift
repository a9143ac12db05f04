import MSPDomain

extension FocalPointSubmission {
    /// Where the submission stands, in words: one wording for the focal point's page, the secretariat's queue and
    /// page, and `msp submission show`.
    ///
    /// "awaiting the secretariat", "accepted 2017-08-20T10:00:00+02:00, recorded as note 25", "returned
    /// 2017-08-20T10:00:00+02:00". With `namingWhoDecided` (the secretariat's own views), who decided: "accepted by
    /// j.dupont 2017-...". The reason for a return is shown beside it by each view.
    package func standing(namingWhoDecided: Bool = false) -> String {
        let when = decidedAt.map(meeting.timeZone.format) ?? ""
        let who = namingWhoDecided ? decidedBy.map { " by \($0)" } ?? "" : ""
        switch status {
        case .pending:
            return "awaiting the secretariat"
        case .accepted:
            return "accepted\(who) \(when), recorded as note \(noteNumber.map(String.init) ?? "?")"
                + (kind == .withdrawal ? " (the delegation's withdrawal)" : "")
        case .returned:
            return "returned\(who) \(when)"
        }
    }
}
