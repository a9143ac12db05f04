import Foundation
import Testing

@testable import MSPDomain

/// "No later than Friday, 18 August 2017", Geneva (Europe/Zurich, CEST, UTC+02:00).
@Suite struct DeadlineTests {
    let deadline = try! WhenParser.deadline("2017-08-18", in: Fixtures.zurich)

    @Test func aDayDeadlineClosesAtMidnightGenevaTime() {
        #expect(deadline.day == day("2017-08-18"))
        // 19 August 00:00 CEST is 18 August 22:00 UTC.
        #expect(deadline.closesAt == utc(2017, 8, 18, 22))
    }

    @Test func oneSecondBeforeMidnightInGenevaIsOnTime() throws {
        let received = try instant("2017-08-18T23:59:59+02:00")
        #expect(!deadline.isLate(received))
        #expect(deadline.lateBy(received) == nil)
    }

    @Test func midnightInGenevaIsLate() throws {
        let received = try instant("2017-08-19T00:00:00+02:00")
        #expect(deadline.isLate(received))
        #expect(deadline.lateBy(received) == 0)
    }

    @Test func aNoteSentAt1830InNewYorkOnThe18thIsHalfAnHourLate() throws {
        let received = try instant("2017-08-18T18:30:00-04:00")
        #expect(deadline.isLate(received))
        #expect(deadline.lateBy(received) == 1800)
        #expect(Fixtures.zurich.format(received) == "2017-08-19T00:30:00+02:00")
    }

    @Test func aReceiptKnownByItsDateIsTheStartOfThatDay() throws {
        let onTheDay = try WhenParser.receipt("2017-08-18", in: Fixtures.zurich)
        #expect(onTheDay.precision == .date)
        #expect(onTheDay.instant == utc(2017, 8, 17, 22))
        #expect(!deadline.isLate(onTheDay.instant))

        let dayAfter = try WhenParser.receipt("2017-08-19", in: Fixtures.zurich)
        #expect(dayAfter.instant == deadline.closesAt)
        #expect(deadline.isLate(dayAfter.instant))
        #expect(deadline.lateBy(dayAfter.instant) == 0)
    }

    @Test func lateByCountsFromTheEndOfTheDeadlineDay() throws {
        let received = try WhenParser.receipt("2017-08-20T10:30", in: Fixtures.zurich).instant
        #expect(deadline.lateBy(received) == Int64(86400 + 10 * 3600 + 30 * 60))
    }

    @Test func anInstantDeadlineIsMetAtThatInstantAndMissedOneSecondLater() throws {
        let exact = try WhenParser.deadline("2017-08-18T12:00:00+02:00", in: Fixtures.zurich)
        let at = try instant("2017-08-18T12:00:00+02:00")
        #expect(exact.day == nil)
        #expect(exact.closesAt == at)
        #expect(!exact.isLate(at))
        #expect(exact.isLate(at.adding(seconds: 1)))
        #expect(exact.lateBy(at.adding(seconds: 1)) == 1)
    }

    @Test func aLocalTimeDeadlineIsReadInTheVenueZone() throws {
        let local = try WhenParser.deadline("2017-08-18T17:00", in: Fixtures.zurich)
        #expect(local == .instant(utc(2017, 8, 18, 15)))
    }

    static let howLate: [(Int64, String)] = [
        (0, "0 seconds"), (1, "1 second"), (59, "59 seconds"), (60, "1 minute"), (61, "1 minute 1 second"),
        (90, "1 minute 30 seconds"), (1800, "30 minutes"), (3600, "1 hour"), (3660, "1 hour 1 minute"),
        (7322, "2 hours 2 minutes"), (86400, "1 day"), (86459, "1 day"), (2 * 86400 + 3 * 3600, "2 days 3 hours"),
        (86400 + 60, "1 day 1 minute"),
    ]

    @Test(arguments: howLate)
    func describeSaysHowLateForPeople(seconds: Int64, text: String) {
        #expect(Deadline.describe(seconds: seconds) == text)
    }
}
