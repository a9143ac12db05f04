import Foundation
import Testing

@testable import MSPDomain

@Suite struct WhenParserTests {
    @Test(arguments: [
        ("2017-08-18T23:59:59+02:00", utc(2017, 8, 18, 21, 59, 59)),
        ("2017-08-18T21:59:59Z", utc(2017, 8, 18, 21, 59, 59)),
        ("2017-08-18T21:59:59z", utc(2017, 8, 18, 21, 59, 59)),
        ("2017-08-18T23:59:59+0200", utc(2017, 8, 18, 21, 59, 59)),
        ("2017-08-18T18:30:00-04:00", utc(2017, 8, 18, 22, 30)),
        ("2017-08-18T18:30-04:00", utc(2017, 8, 18, 22, 30)),
        ("2017-08-18T18:30:00+05:45", utc(2017, 8, 18, 12, 45)),
        ("2017-08-18T23:59:59.999+02:00", utc(2017, 8, 18, 21, 59, 59)),
        ("2017-08-18T23:59:59,5Z", utc(2017, 8, 18, 23, 59, 59)),
        ("2017-08-18 23:59:59+02:00", utc(2017, 8, 18, 21, 59, 59)),
        ("  2017-08-18T23:59:59+02:00  ", utc(2017, 8, 18, 21, 59, 59)),
    ])
    func anInstantWithAnOffsetIsReadAsGiven(text: String, expected: Instant) throws {
        #expect(try WhenParser.parse(text) == .instant(expected))
        let receipt = try WhenParser.receipt(text, in: Fixtures.zurich)
        #expect(receipt == Receipt(instant: expected, precision: .instant))
    }

    @Test(arguments: [
        ("2017-08-15T10:30", utc(2017, 8, 15, 8, 30)),
        ("2017-08-15T10:30:15", utc(2017, 8, 15, 8, 30, 15)),
        ("2017-08-15 10:30:15", utc(2017, 8, 15, 8, 30, 15)),
        ("2017-08-15T10:30:15.75", utc(2017, 8, 15, 8, 30, 15)),
        ("2017-01-15T10:30", utc(2017, 1, 15, 9, 30)),  // CET, UTC+01:00 in winter
    ])
    func aLocalTimeIsResolvedInTheVenueZone(text: String, expected: Instant) throws {
        let receipt = try WhenParser.receipt(text, in: Fixtures.zurich)
        #expect(receipt == Receipt(instant: expected, precision: .instant))
    }

    @Test func aDateAloneIsTheStartOfThatDayAtTheVenue() throws {
        #expect(try WhenParser.parse("2017-08-15") == .date(day("2017-08-15")))
        let receipt = try WhenParser.receipt("2017-08-15", in: Fixtures.zurich)
        #expect(receipt == Receipt(instant: utc(2017, 8, 14, 22), precision: .date))
        let winter = try WhenParser.receipt("2017-12-15", in: Fixtures.zurich)
        #expect(winter.instant == utc(2017, 12, 14, 23))
    }

    @Test(arguments: [
        "2017-13-01", "2017-02-30", "18/08/2017", "2017-08-18T25:00", "2017-08-18T24:00", "",
        "   ", "2017-08-18x", "2017-08-18T10:00:00+02:00x", "2017-08-18T10:00:00 junk", "2017-08-18T10",
        "2017-08-18T10:60", "2017-08-18T10:00:00+19:00", "2017-8-18", "tomorrow", "2017-08-18T10:00:00.",
    ])
    func malformedTimesAreRefused(text: String) {
        #expect(throws: InputError.self) { try WhenParser.parse(text, field: .receivedAt) }
        let error = #expect(throws: InputError.self) {
            try WhenParser.receipt(text, in: Fixtures.zurich, field: .receivedAt)
        }
        #expect(error?.field == .receivedAt)
        #expect(error?.message.contains("ISO 8601") == true)
    }

    @Test func anImpossibleDayIsNamedAsSuch() {
        let error = #expect(throws: InputError.self) { try WhenParser.parse("2017-02-30") }
        #expect(error?.message.contains("no such day") == true)
    }

    @Test func aTimeTheClocksSkipIsRefused() {
        // 26 March 2017: Geneva goes from 02:00 CET straight to 03:00 CEST.
        let error = #expect(throws: InputError.self) { try WhenParser.receipt("2017-03-26T02:30", in: Fixtures.zurich) }
        #expect(error?.message.contains("does not exist in Europe/Zurich") == true)
        #expect(throws: InputError.self) { try WhenParser.deadline("2017-03-26T02:30", in: Fixtures.zurich) }
        #expect(Fixtures.zurich.instants(at: day("2017-03-26"), secondOfDay: 2 * 3600 + 1800).isEmpty)
    }

    @Test func aTimeTheClocksRepeatIsRefused() {
        // 29 October 2017: 02:30 happens at +02:00 and again at +01:00.
        let error = #expect(throws: InputError.self) { try WhenParser.receipt("2017-10-29T02:30", in: Fixtures.zurich) }
        #expect(error?.message.contains("ambiguous") == true)
        #expect(error?.message.contains("2017-10-29T02:30:00+02:00") == true)
        #expect(error?.message.contains("2017-10-29T02:30:00+01:00") == true)
        #expect(
            Fixtures.zurich.instants(at: day("2017-10-29"), secondOfDay: 2 * 3600 + 1800)
                == [utc(2017, 10, 29, 0, 30), utc(2017, 10, 29, 1, 30)])
    }

    @Test func anOffsetMakesADaylightSavingTimeUnambiguous() throws {
        #expect(
            try WhenParser.receipt("2017-10-29T02:30+01:00", in: Fixtures.zurich).instant == utc(2017, 10, 29, 1, 30))
    }

    @Test(arguments: ["Mars/Olympus_Mons", "Europe/Geneva", "", "CEST+2"])
    func anUnknownTimeZoneIsRefused(identifier: String) {
        let error = #expect(throws: InputError.self) { try VenueTimeZone(identifier: identifier, field: .timeZone) }
        #expect(error?.field == .timeZone)
    }

    @Test func theVenueZoneFormatsWithItsOffsetAtThatInstant() throws {
        #expect(Fixtures.zurich.format(utc(2017, 8, 18, 22)) == "2017-08-19T00:00:00+02:00")
        #expect(Fixtures.zurich.format(utc(2017, 12, 18, 22)) == "2017-12-18T23:00:00+01:00")
        #expect(
            try VenueTimeZone(identifier: "America/New_York").format(utc(2017, 8, 18, 22, 30))
                == "2017-08-18T18:30:00-04:00")
        #expect(utc(2017, 8, 18, 22).description == "2017-08-18T22:00:00Z")
    }
}

@Suite struct LocalDateTests {
    @Test func daysSinceEpochRoundTripsOverTheWholeRange() throws {
        let first = try #require(LocalDate(year: 1, month: 1, day: 1)).daysSinceEpoch
        let last = try #require(LocalDate(year: 9999, month: 12, day: 31)).daysSinceEpoch
        var previous = LocalDate(daysSinceEpoch: first - 1)
        for days in first...last {
            let date = LocalDate(daysSinceEpoch: days)
            guard date.daysSinceEpoch == days else {
                Issue.record("\(date) is day \(date.daysSinceEpoch), not \(days)")
                return
            }
            // Each day follows the one before: same month with day + 1, or the first of the next month.
            let follows =
                (date.year == previous.year && date.month == previous.month && date.day == previous.day + 1)
                || (date.day == 1 && previous.day == LocalDate.daysIn(month: previous.month, year: previous.year)
                    && (date.month == previous.month % 12 + 1)
                    && date.year == previous.year + (previous.month == 12 ? 1 : 0))
            if !follows {
                Issue.record("\(date) does not follow \(previous)")
                return
            }
            previous = date
        }
        #expect(LocalDate(daysSinceEpoch: last) == LocalDate(year: 9999, month: 12, day: 31))
    }

    @Test func daysSinceEpochAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -135_000, through: 2_900_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: days)
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86400))
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day])
            #expect(LocalDate(year: date.year, month: date.month, day: date.day)?.daysSinceEpoch == days)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
    }

    @Test func parsingIsExact() throws {
        #expect(LocalDate(iso: "2016-02-29") != nil)
        #expect(LocalDate(iso: "2017-02-29") == nil)
        #expect(LocalDate(iso: "1900-02-29") == nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "2017-8-18") == nil)
        #expect(LocalDate(iso: "2017-08-18 ") == nil)
        #expect(throws: InputError.self) { try LocalDate.parse("18.08.2017", field: .opens) }
        #expect(try LocalDate.parse(" 2017-08-18 ") == day("2017-08-18"))
    }

    @Test(arguments: [
        ("2017-05-20", 6, "2017-11-01"), ("2017-08-31", 6, "2018-02-01"), ("2017-12-01", 1, "2018-01-01"),
        ("2017-12-31", 0, "2017-12-01"), ("2010-02-16", 6, "2010-08-01"), ("2017-01-15", 24, "2019-01-01"),
    ])
    func firstOfMonthAfter(from: String, months: Int, expected: String) {
        #expect(day(from).firstOfMonth(after: months) == day(expected))
    }

    @Test func longDescription() {
        #expect(day("2017-09-04").longDescription == "4 September 2017")
    }
}

@Suite struct MeetingTests {
    func meeting(
        code: String = "7MSP", title: String = "Seventh Meeting of States Parties", opens: String = "2017-09-04",
        closes: String = "2017-09-06", deadline: String = "2017-08-18"
    ) throws -> Meeting {
        try Meeting(
            code: code, title: title, convention: "ccm", venue: "  ", opens: day(opens), closes: day(closes),
            timeZone: Fixtures.zurich, deadline: WhenParser.deadline(deadline, in: Fixtures.zurich))
    }

    @Test func aValidMeetingIsNormalised() throws {
        let m = try meeting(code: " 7MSP ")
        #expect(m.code == "7MSP")
        #expect(m.convention == "CCM")
        #expect(m.venue == nil)
        #expect(m.datesDescription == "4–6 September 2017")
    }

    @Test func closingBeforeOpeningIsRefused() {
        let error = #expect(throws: InputError.self) { try meeting(opens: "2017-09-06", closes: "2017-09-04") }
        #expect(error?.field == .closes)
    }

    @Test func aDeadlineAfterTheClosingDayIsRefused() throws {
        let error = #expect(throws: InputError.self) { try meeting(deadline: "2017-09-07") }
        #expect(error?.field == .deadline)
        #expect(throws: InputError.self) { try meeting(deadline: "2017-09-07T00:00:00+02:00") }
        // The closing day itself, and its last second, are allowed.
        _ = try meeting(deadline: "2017-09-06")
        _ = try meeting(deadline: "2017-09-06T23:59:59+02:00")
    }

    @Test(arguments: ["", "   ", "7 MSP", "7MSP/2017", "Réunion", String(repeating: "X", count: 33)])
    func aBadCodeIsRefused(code: String) {
        let error = #expect(throws: InputError.self) { try meeting(code: code) }
        #expect(error?.field == .code)
    }

    @Test func anEmptyTitleIsRefused() {
        let error = #expect(throws: InputError.self) { try meeting(title: " \n ") }
        #expect(error?.field == .title)
    }

    @Test(arguments: [
        ("2017-09-04", "2017-09-06", "4–6 September 2017"),
        ("2017-09-04", "2017-09-04", "4 September 2017"),
        ("2017-08-30", "2017-09-01", "30 August – 1 September 2017"),
        ("2017-12-30", "2018-01-02", "30 December 2017 – 2 January 2018"),
    ])
    func datesAsATitlePageWritesThem(opens: String, closes: String, text: String) throws {
        #expect(try meeting(opens: opens, closes: closes, deadline: opens).datesDescription == text)
    }
}

/// Every zone of the system's tz database is a zone (issue 11: Asia/Kolkata, Etc/UTC and Etc/GMT+5 were refused).
@Suite struct VenueTimeZoneTests {
    @Test func everyZoneOfZone1970TabAndTheEtcZonesAreAccepted() throws {
        let table = try String(contentsOfFile: "/usr/share/zoneinfo/zone1970.tab", encoding: .utf8)
        let zones = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
            $0.split(separator: "\t").dropFirst(2).first.map(String.init)
        }
        #expect(zones.count > 300)
        for zone in zones + ["Asia/Kolkata", "Asia/Calcutta", "Etc/UTC", "Etc/GMT+5", "UTC"] {
            #expect(throws: Never.self, "\(zone)") { try VenueTimeZone(identifier: zone) }
        }
    }

    @Test(arguments: ["Atlantis/Capital", "../../etc/passwd", "/etc/localtime", "Europe/", "zone1970.tab", ""])
    func anythingElseIsRefused(_ identifier: String) {
        #expect(throws: InputError.self) { try VenueTimeZone(identifier: identifier) }
    }
}
