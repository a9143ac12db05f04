import ArgumentParser
import Foundation
import MSPApplication
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
                are left out); notes are every note received.

                Example: msp stats --meeting 7MSP --format json
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @OptionGroup var output: OutputOptions<SummaryFormats>

        init() {}

        func run() throws {
            let (meeting, stats) = try database.withReadingDesk { try $0.statistics(meeting: meetingOption.meeting) }
            try output.write(StatisticsReport.render(stats, meeting: meeting, format: output.format))
        }
    }
}
