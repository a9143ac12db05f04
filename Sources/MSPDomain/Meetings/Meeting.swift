/// A meeting of a convention: "7MSP", the Seventh Meeting of States Parties, Geneva, 4–6 September 2017.
package struct Meeting: Hashable, Sendable {
    package var code: String
    package var title: String
    package var convention: String
    package var venue: String?
    package var opens: LocalDate
    package var closes: LocalDate
    package var timeZone: VenueTimeZone
    package var deadline: Deadline
    /// What a late note awaiting a decision does at this meeting: counts until declined, or only once accepted.
    package var undecidedLateNotes: UndecidedLateNotes = .include

    /// Checks the facts together: a code people can type, a title, dates in order, a deadline no later than
    /// the closing day.
    package init(
        code: String, title: String, convention: String, venue: String?, opens: LocalDate, closes: LocalDate,
        timeZone: VenueTimeZone, deadline: Deadline
    ) throws {
        try code.checkedText("meeting code", field: .code)
        try title.checkedText("title", field: .title)
        try convention.checkedText("convention", field: .convention)
        try venue.checkedText("venue", field: .venue)
        let code = code.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 32,
            code.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_"
                        || $0 == ".")
            })
        else {
            throw InputError(
                "'\(code)' is not a meeting code: use letters, digits, '-', '_' or '.', e.g. 7MSP", field: .code)
        }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw InputError("the title is empty", field: .title) }
        let convention = convention.trimmingCharacters(in: .whitespaces).uppercased()
        guard !convention.isEmpty else { throw InputError("the convention is empty", field: .convention) }
        guard opens <= closes else {
            throw InputError("the meeting closes (\(closes)) before it opens (\(opens))", field: .closes)
        }
        let endOfClosingDay = timeZone.endOfDay(closes)
        let deadlineAfterClosing: Bool
        switch deadline {
        case .endOfDay(let day, _): deadlineAfterClosing = day > closes
        case .instant(let instant): deadlineAfterClosing = instant >= endOfClosingDay
        }
        guard !deadlineAfterClosing else {
            throw InputError(
                "the registration deadline (\(deadline.day?.description ?? timeZone.format(deadline.closesAt))) is after the meeting closes (\(closes))",
                field: .deadline)
        }
        self.code = code
        self.title = title
        self.convention = convention
        self.venue = venue?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        self.opens = opens
        self.closes = closes
        self.timeZone = timeZone
        self.deadline = deadline
    }

    /// "Receipt of 2017-08-20" etc. are read in the venue's zone.
    package func receipt(_ raw: String, field: FieldPath? = nil) throws -> Receipt {
        try WhenParser.receipt(raw, in: timeZone, field: field)
    }

    /// A receipt time as an option or key gives it: left out (nil), it is `now`; given, it must parse —
    /// an empty value is an error, not "now".
    package func receipt(_ raw: String?, now: Instant, field: FieldPath? = nil) throws -> Receipt {
        guard let raw else { return Receipt(instant: now, precision: .instant) }
        guard !raw.trimmed.isEmpty else {
            throw InputError("the receipt time is empty: \(WhenParser.forms), or leave it out for now", field: field)
        }
        return try receipt(raw, field: field)
    }

    /// "4–6 September 2017", "30 August – 1 September 2017", as a title page writes it.
    /// "18 August 2017, end of day in Europe/Zurich", or the instant in the venue's time for a deadline given as one.
    package var deadlineDescription: String {
        if let day = deadline.day { return "\(day.longDescription), end of day in \(timeZone.identifier)" }
        return timeZone.format(deadline.closesAt)
    }

    package var datesDescription: String {
        if opens == closes { return opens.longDescription }
        if opens.year == closes.year && opens.month == closes.month {
            return "\(opens.day)–\(closes.day) \(closes.monthName) \(closes.year)"
        }
        if opens.year == closes.year {
            return "\(opens.day) \(opens.monthName) – \(closes.longDescription)"
        }
        return "\(opens.longDescription) – \(closes.longDescription)"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
