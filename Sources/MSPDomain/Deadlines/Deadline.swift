/// A registration deadline. "No later than Friday, 18 August 2017" is the end of that day in the venue's
/// time zone: a note received at 23:59:59 Geneva time is on time, one received at 00:00:00 on the 19th is late.
/// A deadline given as an exact instant is met by a note received at that instant.
package enum Deadline: Hashable, Sendable {
    /// Up to the end of `date` at the venue; `closesAt` is the start of the next day there.
    case endOfDay(LocalDate, closesAt: Instant)
    /// Up to and including this instant.
    case instant(Instant)

    /// The end of the deadline, from which `late_by` counts: the start of the next day, or the exact instant.
    package var closesAt: Instant {
        switch self {
        case .endOfDay(_, let closesAt): return closesAt
        case .instant(let instant): return instant
        }
    }

    /// The day named in "no later than", when the deadline was given as a day.
    package var day: LocalDate? {
        if case .endOfDay(let date, _) = self { return date }
        return nil
    }

    /// The first second at which a note is late (receipts are recorded to the second): the start of the next
    /// day for a day deadline, the second after an exact deadline. Queries select late notes with `>=` this.
    package var firstLateSecond: Instant {
        switch self {
        case .endOfDay(_, let closesAt): return closesAt
        case .instant(let instant): return instant.adding(seconds: 1)
        }
    }

    package func isLate(_ received: Instant) -> Bool {
        received >= firstLateSecond
    }

    /// How late a note is, in seconds from the end of the deadline (nil when on time).
    package func lateBy(_ received: Instant) -> Int64? {
        isLate(received) ? received.secondsSinceEpoch - closesAt.secondsSinceEpoch : nil
    }

    /// "2 days 3 hours", "45 minutes", "12 seconds": how late, for people.
    package static func describe(seconds: Int64) -> String {
        if seconds < 60 { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
        let units: [(Int64, String)] = [(86400, "day"), (3600, "hour"), (60, "minute")]
        var parts: [String] = []
        var rest = seconds
        for (size, name) in units where rest >= size {
            let count = rest / size
            rest %= size
            parts.append("\(count) \(name)\(count == 1 ? "" : "s")")
            if parts.count == 2 { break }
        }
        if parts.count == 1, seconds < 3600, rest > 0 {
            parts.append("\(rest) second\(rest == 1 ? "" : "s")")
        }
        return parts.joined(separator: " ")
    }
}
