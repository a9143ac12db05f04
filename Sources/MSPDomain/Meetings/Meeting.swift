/// A meeting of a convention: "7MSP", the Seventh Meeting of States Parties, Geneva, 4–6 September 2017.
public struct Meeting: Hashable, Sendable {
    public var code: String
    public var title: String
    public var convention: String
    public var venue: String?
    public var opens: LocalDate
    public var closes: LocalDate
    public var timeZone: VenueTimeZone
    public var deadline: Deadline

    /// Checks the facts together: a code people can type, a title, dates in order, a deadline no later than
    /// the closing day.
    public init(code: String, title: String, convention: String, venue: String?, opens: LocalDate, closes: LocalDate,
                timeZone: VenueTimeZone, deadline: Deadline) throws {
        let code = code.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 32,
              code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == ".") })
        else {
            throw InputError("'\(code)' is not a meeting code: use letters, digits, '-', '_' or '.', e.g. 7MSP", field: "CODE")
        }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw InputError("the title is empty", field: "--title") }
        let convention = convention.trimmingCharacters(in: .whitespaces).uppercased()
        guard !convention.isEmpty else { throw InputError("the convention is empty", field: "--convention") }
        guard opens <= closes else {
            throw InputError("the meeting closes (\(closes)) before it opens (\(opens))", field: "--closes")
        }
        let endOfClosingDay = timeZone.endOfDay(closes)
        let deadlineAfterClosing: Bool
        switch deadline {
        case .endOfDay(let day, _): deadlineAfterClosing = day > closes
        case .instant(let instant): deadlineAfterClosing = instant >= endOfClosingDay
        }
        guard !deadlineAfterClosing else {
            throw InputError("the registration deadline (\(deadline.day?.description ?? timeZone.format(deadline.closesAt))) is after the meeting closes (\(closes))", field: "--deadline")
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
    public func receipt(_ raw: String, field: String? = nil) throws -> Receipt {
        try WhenParser.receipt(raw, in: timeZone, field: field)
    }

    /// "4–6 September 2017", "30 August – 1 September 2017", as a title page writes it.
    public var datesDescription: String {
        if opens == closes { return opens.longDescription }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        if opens.year == closes.year && opens.month == closes.month {
            return "\(opens.day)–\(closes.day) \(names[closes.month - 1]) \(closes.year)"
        }
        if opens.year == closes.year {
            return "\(opens.day) \(names[opens.month - 1]) – \(closes.longDescription)"
        }
        return "\(opens.longDescription) – \(closes.longDescription)"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
