import Testing

@testable import MSPDocuments

/// The statistics page's chart of notes by day: its day labels never print over one another.
@Suite struct StatisticsChartTests {
    @Test func theDayLabelsNeverOverprintAndTheDeadlinesDayIsAlwaysLabelled() {
        // The 7MSP's notes from 20 July to 30 August: 42 days on 560 units, the deadline on day 29 (18 August).
        let slot = 560.0 / 42
        let labelled = StatisticsHTML.dayLabels(dayCount: 42, deadline: 29, slot: slot)
        #expect(labelled.contains(29) && labelled.contains(0) && labelled.contains(41))
        // 19 August, next to the deadline's day, was labelled too and printed over it.
        #expect(!labelled.contains(30))
        let sorted = labelled.sorted()
        for (left, right) in zip(sorted, sorted.dropFirst()) {
            #expect(Double(right - left) * slot >= StatisticsHTML.dayLabelWidth, "\(left) and \(right)")
        }
        // Wide slots: every day can be labelled.
        #expect(StatisticsHTML.dayLabels(dayCount: 5, deadline: 2, slot: 112).count == 5)
    }
}
