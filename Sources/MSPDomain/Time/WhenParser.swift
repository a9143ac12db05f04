/// When a note was received, and how precisely it is known.
package struct Receipt: Hashable, Sendable {
    package enum Precision: String, Sendable, Codable {
        /// The moment is known (an e-mail's time stamp, a note handed in at the counter).
        case instant
        /// Only the day is known (post stamped on arrival): recorded as the start of that day.
        case date
    }

    package var instant: Instant
    package var precision: Precision

    package init(instant: Instant, precision: Precision) {
        self.instant = instant
        self.precision = precision
    }
}

/// Reads the ISO 8601 forms that `--received`, `received_at` and `--deadline` take:
/// - `2017-08-15T10:30:00+02:00`, `2017-08-15T08:30:00Z`: an instant;
/// - `2017-08-15T10:30` or `2017-08-15 10:30:00`: a wall-clock time at the venue;
/// - `2017-08-15`: a day at the venue (its start, for a receipt).
/// Fractions of a second are accepted and dropped. Anything else is an error that shows the forms.
package enum WhenParser {
    package enum Parsed: Hashable, Sendable {
        case instant(Instant)
        case local(LocalDate, secondOfDay: Int)
        case date(LocalDate)
    }

    static let forms =
        "write ISO 8601: 2017-08-18T17:30:00+02:00, 2017-08-18T15:30:00Z, 2017-08-18T17:30 (venue time) or 2017-08-18"

    /// The first and last instants with a four-digit year in every time zone: 0001-01-02 and 9999-12-30, UTC.
    static let earliest = Int64(LocalDate(iso: "0001-01-02")!.daysSinceEpoch) * 86400
    static let latest = Int64(LocalDate(iso: "9999-12-31")!.daysSinceEpoch) * 86400 - 1

    /// The syntax alone, without a time zone.
    package static func parse(_ raw: String, field: FieldPath? = nil) throws -> Parsed {
        let text = raw.trimmed
        let bytes = Array(text.utf8)
        func fail(_ why: String? = nil) -> InputError {
            InputError("'\(raw)' is not a date or time\(why.map { " (\($0))" } ?? ""): \(forms)", field: field)
        }
        guard bytes.count >= 10 else { throw fail() }
        guard let date = LocalDate(iso: text.prefix(10)) else {
            if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
                throw fail("no such day")
            }
            throw fail()
        }
        if bytes.count == 10 { return .date(date) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " ") else {
            throw fail()
        }
        var i = 11
        func number(_ count: Int) -> Int? {
            guard i + count <= bytes.count, let value = Digits.value(bytes[i..<(i + count)]) else { return nil }
            i += count
            return value
        }
        func expect(_ char: Character) -> Bool {
            guard i < bytes.count, bytes[i] == char.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let hour = number(2), expect(":"), let minute = number(2) else { throw fail() }
        var second = 0
        if expect(":") {
            guard let s = number(2) else { throw fail() }
            second = s
            if expect(".") || expect(",") {
                let start = i
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
                guard i > start else { throw fail() }
            }
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw fail(hour == 24 ? "write 24:00 as 00:00 of the next day" : "no such time of day")
        }
        let secondOfDay = hour * 3600 + minute * 60 + second
        if i == bytes.count { return .local(date, secondOfDay: secondOfDay) }
        var offset = 0
        if expect("Z") || expect("z") {
            offset = 0
        } else if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2) else { throw fail() }
            var om = 0
            if expect(":") {
                guard let m = number(2) else { throw fail() }
                om = m
            } else if let m = number(2) {
                om = m
            }
            guard oh <= 18, om <= 59 else { throw fail("no such offset") }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            throw fail()
        }
        guard i == bytes.count else { throw fail() }
        let seconds = Int64(date.daysSinceEpoch) * 86400 + Int64(secondOfDay) - Int64(offset)
        return .instant(try bounded(Instant(secondsSinceEpoch: seconds), raw, field: field))
    }

    /// The instant, if it keeps a four-digit year printed in UTC or in any venue's zone (up to 14 h away), which msp
    /// reads back; else the error for `raw`. Every instant read is checked, whatever its form: a day's start or end
    /// at the venue (the end of 9999-12-31 is in the year 10000) as well as an instant with its offset.
    static func bounded(_ instant: Instant, _ raw: String, field: FieldPath?) throws -> Instant {
        guard (earliest...latest).contains(instant.secondsSinceEpoch) else {
            throw InputError(
                "'\(raw)' is not a date or time (not between years 0001 and 9999 in every time zone): \(forms)",
                field: field)
        }
        return instant
    }

    /// A receipt time: an instant as given, a wall-clock time at the venue, or the start of a day at the venue.
    /// A wall-clock time that the venue's clocks skip or repeat (daylight saving) is refused: give an offset.
    package static func receipt(_ raw: String, in zone: VenueTimeZone, field: FieldPath? = nil) throws -> Receipt {
        switch try parse(raw, field: field) {
        case .instant(let instant):
            return Receipt(instant: instant, precision: .instant)
        case .date(let date):
            return Receipt(instant: try bounded(zone.startOfDay(date), raw, field: field), precision: .date)
        case .local(let date, let secondOfDay):
            let instant = try resolve(raw, date, secondOfDay, in: zone, field: field)
            return Receipt(instant: try bounded(instant, raw, field: field), precision: .instant)
        }
    }

    static func resolve(_ raw: String, _ date: LocalDate, _ secondOfDay: Int, in zone: VenueTimeZone, field: FieldPath?)
        throws -> Instant
    {
        let candidates = zone.instants(at: date, secondOfDay: secondOfDay)
        switch candidates.count {
        case 1:
            return candidates[0]
        case 0:
            throw InputError(
                "'\(raw)' does not exist in \(zone.identifier) (the clocks skip it): give the time with its UTC offset",
                field: field)
        default:
            let readings = candidates.map { zone.format($0) }.joined(separator: " or ")
            throw InputError(
                "'\(raw)' is ambiguous in \(zone.identifier) (\(readings)): give the time with its UTC offset",
                field: field)
        }
    }

    /// A deadline: a day (up to the end of that day at the venue) or an exact instant.
    package static func deadline(_ raw: String, in zone: VenueTimeZone, field: FieldPath? = nil) throws -> Deadline {
        switch try parse(raw, field: field) {
        case .date(let date):
            return .endOfDay(date, closesAt: try bounded(zone.endOfDay(date), raw, field: field))
        case .instant(let instant):
            return .instant(instant)
        case .local(let date, let secondOfDay):
            return .instant(try bounded(try resolve(raw, date, secondOfDay, in: zone, field: field), raw, field: field))
        }
    }
}
