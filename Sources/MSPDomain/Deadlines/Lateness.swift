/// How late a note is, as the secretariat reads it: on time; late by a number of seconds from the end of the
/// deadline; or, for a receipt known only by its date, late by a number of days.
///
/// A receipt known only by its date is placed at the start of that day at the venue (the benefit of the doubt), so
/// counting its seconds would say that a note received on 19 August, for a deadline of 18 August, is "0 seconds"
/// late. It is one day late: nothing reads a late note as late by zero.
package enum Lateness: Hashable, Sendable, CustomStringConvertible {
    case onTime
    /// Received at a known instant, this many seconds after the deadline closed (0: within its first second).
    case late(seconds: Int64)
    /// Known only by the day of receipt: this many days after the deadline's day (at least 1).
    case lateByDays(Int)

    package var isLate: Bool { self != .onTime }

    /// Seconds after the deadline, for a receipt known to the second.
    package var seconds: Int64? {
        if case .late(let seconds) = self { return seconds }
        return nil
    }

    /// Days after the deadline's day, for a receipt known only by its date.
    package var days: Int? {
        if case .lateByDays(let days) = self { return days }
        return nil
    }

    /// "on time" or "late by 30 minutes": how every front end says whether a note or submission was on time.
    package var timing: String { isLate ? "late by \(self)" : "on time" }

    /// "on time", "30 minutes", "less than 1 second", "1 day (date only)".
    package var description: String {
        switch self {
        case .onTime: return "on time"
        case .late(let seconds): return seconds == 0 ? "less than 1 second" : Deadline.describe(seconds: seconds)
        case .lateByDays(let days): return "\(days) day\(days == 1 ? "" : "s") (date only)"
        }
    }
}

extension Deadline {
    /// How late a receipt is for this deadline, in the venue's time zone.
    package func lateness(of receipt: Receipt, in zone: VenueTimeZone) -> Lateness {
        guard let seconds = lateBy(receipt.instant) else { return .onTime }
        guard receipt.precision == .date else { return .late(seconds: seconds) }
        // The deadline's own day: the day named ("no later than 18 August"), or the day of the exact instant.
        let deadlineDay = day ?? zone.localDate(of: closesAt)
        let days = zone.localDate(of: receipt.instant).daysSinceEpoch - deadlineDay.daysSinceEpoch
        return .lateByDays(max(days, 1))
    }
}

extension Meeting {
    /// How late a receipt is for this meeting's deadline.
    package func lateness(of receipt: Receipt) -> Lateness {
        deadline.lateness(of: receipt, in: timeZone)
    }
}
