import Foundation

/// A point in time, to the second, as the secretariat records the receipt of a note.
package struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    package let secondsSinceEpoch: Int64

    package init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    package init(_ date: Date) { self.secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down)) }

    package static func now() -> Instant { Instant(Date()) }

    package var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    package static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    package func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// ISO 8601 in UTC: `2017-08-18T21:59:59Z`.
    package var description: String { iso8601(offsetSeconds: 0) }

    /// ISO 8601 at a fixed offset from UTC: `2017-08-18T23:59:59+02:00` (`Z` for a zero offset).
    package func iso8601(offsetSeconds: Int) -> String {
        let local = secondsSinceEpoch + Int64(offsetSeconds)
        let days = Int(local >= 0 ? local / 86400 : (local - 86399) / 86400)
        let secondOfDay = Int(local - Int64(days) * 86400)
        let date = LocalDate(daysSinceEpoch: days)
        var text = date.description
        text +=
            "T" + twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":"
            + twoDigits(secondOfDay % 60)
        if offsetSeconds == 0 {
            text += "Z"
        } else {
            let magnitude = abs(offsetSeconds)
            text += (offsetSeconds < 0 ? "-" : "+") + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude / 60 % 60)
        }
        return text
    }
}

/// A meeting's time zone: turns the venue's wall-clock times into instants and back.
package struct VenueTimeZone: Hashable, Sendable, CustomStringConvertible {
    package let identifier: String
    package let timeZone: TimeZone

    /// Accepts IANA identifiers such as `Europe/Zurich`, and `UTC`: every zone of the system's tz database
    /// (`Asia/Kolkata`, `Etc/UTC`, `Etc/GMT+5`), not only those Foundation lists.
    package init(identifier: String, field: FieldPath? = nil) throws {
        let known =
            identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
            || VenueTimeZone.isInSystemDatabase(identifier)
        guard known, let zone = TimeZone(identifier: identifier) else {
            throw InputError(
                "'\(identifier)' is not a known time zone: give an IANA name such as Europe/Zurich or America/New_York",
                field: field)
        }
        self.identifier = identifier
        self.timeZone = zone
    }

    /// Whether `identifier` names a zone file of the system's tz database (`$TZDIR`, else /usr/share/zoneinfo):
    /// letters, digits, `_`, `+`, `-` and `/` only (no `..`, no absolute path), and a file that starts with `TZif`.
    static func isInSystemDatabase(_ identifier: String) -> Bool {
        let allowed = identifier.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "_+-/".unicodeScalars.contains($0)
        }
        guard allowed, let first = identifier.unicodeScalars.first, first.properties.isAlphabetic,
            !identifier.contains("//"), !identifier.hasSuffix("/")
        else { return false }
        let folder =
            ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo"
        guard let handle = FileHandle(forReadingAtPath: folder + "/" + identifier) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data("TZif".utf8)
    }

    /// A zone already checked when it was first given (a stored meeting's): skips the list of known zones,
    /// which ICU builds by enumerating every zone and which dominated the start of short commands.
    package init(checked identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw InputError("'\(identifier)' is not a known time zone")
        }
        self.identifier = identifier
        self.timeZone = zone
    }

    package var description: String { identifier }

    /// The zone's offset from UTC at an instant, in seconds (7200 for Geneva in summer).
    package func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: instant.date)
    }

    /// ISO 8601 with the zone's offset at that instant.
    /// (Before about 1914 some zones kept local mean time, an offset with seconds ISO 8601 cannot write: then UTC,
    /// so that what is printed always reads back as the same instant.)
    package func format(_ instant: Instant) -> String {
        let offset = offset(at: instant)
        return instant.iso8601(offsetSeconds: offset % 60 == 0 ? offset : 0)
    }

    /// A receipt time as every list writes it: ISO 8601 in this zone, with " (date only)" when only its day was
    /// given (`Receipt.Precision.date`).
    package func format(_ instant: Instant, precision: Receipt.Precision) -> String {
        format(instant) + (precision == .date ? " (date only)" : "")
    }

    /// The local calendar day of an instant in this zone.
    package func localDate(of instant: Instant) -> LocalDate {
        let local = instant.secondsSinceEpoch + Int64(offset(at: instant))
        return LocalDate(daysSinceEpoch: Int(local >= 0 ? local / 86400 : (local - 86399) / 86400))
    }

    /// The instants whose wall-clock time here is `date` at `secondOfDay`: one normally, none in the gap
    /// when clocks go forward, two in the hour that repeats when they go back.
    package func instants(at date: LocalDate, secondOfDay: Int) -> [Instant] {
        let wall = Int64(date.daysSinceEpoch) * 86400 + Int64(secondOfDay)
        var offsets = Set<Int>()
        for probe in stride(from: -36 * 3600, through: 36 * 3600, by: 3 * 3600) {
            offsets.insert(offset(at: Instant(secondsSinceEpoch: wall + Int64(probe))))
        }
        return
            offsets
            .map { Instant(secondsSinceEpoch: wall - Int64($0)) }
            .filter { instant in offset(at: instant) == Int(wall - instant.secondsSinceEpoch) }
            .sorted()
    }

    /// The first instant of a day here (midnight, or the first wall-clock time that exists).
    package func startOfDay(_ date: LocalDate) -> Instant {
        for second in stride(from: 0, to: 86400, by: 60) {
            if let first = instants(at: date, secondOfDay: second).first { return first }
        }
        return Instant(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86400)
    }

    /// The end of a day here, as the instant the next day starts ("no later than 18 August" ends there).
    package func endOfDay(_ date: LocalDate) -> Instant {
        startOfDay(date.adding(days: 1))
    }
}

@inline(__always)
func twoDigits(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
}
