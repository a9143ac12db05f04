import ArgumentParser
import Foundation
import MSPApplication
import MSPDocuments
import MSPDomain

extension MSP {
    /// `msp stats`: the meeting's registration figures.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Show a meeting's registration figures.",
            discussion: """
                Delegations and participants per category; how many of the convention's States Parties on the opening \
                day have registered ("57 of 102"); participants by gender; late notes; notes by channel. Participants \
                are those of the list of participants (each delegation's current composition; withdrawn delegations \
                are left out); notes are every note received. Late notes are the registrations and amendments \
                received after the deadline, as list-late lists them (a withdrawal received after the deadline is no \
                late note): every format gives that one count.

                --format html: a one-page report to print on A4, with the figures as charts (participants by \
                category, gender balance by category, notes by day against the deadline, States Parties registered).

                --format xlsx: a sheet per table (summary, by category, by gender, late notes, by channel).

                Examples: msp stats --meeting 7MSP --format json
                          msp stats --format xlsx --output 7msp-figures.xlsx
                          msp stats --format html --output 7msp-figures.html
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @OptionGroup var output: OutputOptions<StatisticsFormats>

        init() {}

        func run() throws {
            let (meeting, stats) = try database.withReadingDesk { try $0.statistics(meeting: meetingOption.meeting) }
            guard output.format != .html else {
                return try output.write(StatisticsHTML.render(stats, meeting: meeting))
            }
            try output.write(
                StatisticsReport.render(stats, meeting: meeting, format: output.format),
                workbook: StatisticsReport.workbook(stats, meeting: meeting))
        }
    }
}
