import Foundation
import ArgumentParser
import MSPDomain
import MSPApplication

extension MSP {
/// `msp meeting add|list|show`.
public struct MeetingCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Add, list and show meetings.",
        subcommands: [Add.self, List.self, Show.self]
    )

    public init() {}

    public struct Add: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Add a meeting.",
            discussion: """
                Example: msp meeting add 7MSP --title "Seventh Meeting of States Parties to the Convention on Cluster Munitions" \
                --convention CCM --opens 2017-09-04 --closes 2017-09-06 --deadline 2017-08-18 --time-zone Europe/Zurich \
                --venue "Palais des Nations, Room XIX, Geneva"
                """)

        @OptionGroup public var database: DatabaseOptions

        @Argument(help: "The meeting's code, e.g. 7MSP.")
        public var code: String

        @Option(help: "The meeting's full title.")
        public var title: String

        @Option(help: "The convention's code, e.g. CCM.")
        public var convention: String

        @Option(help: ArgumentHelp("The opening day, YYYY-MM-DD.", valueName: "date"))
        public var opens: String

        @Option(help: ArgumentHelp("The closing day, YYYY-MM-DD.", valueName: "date"))
        public var closes: String

        @Option(help: ArgumentHelp("The registration deadline: a day (up to the end of that day in the meeting's time zone) or an ISO 8601 instant.", valueName: "when"))
        public var deadline: String

        @Option(name: .customLong("time-zone"), help: ArgumentHelp("The venue's time zone (IANA name), e.g. Europe/Zurich.", valueName: "zone"))
        public var timeZone: String

        @Option(help: "Where the meeting takes place.")
        public var venue: String?

        public init() {}

        public func run() throws {
            let request = MeetingRequest(code: code, title: title, convention: convention, opens: opens, closes: closes,
                                         deadline: deadline, timeZone: timeZone, venue: venue)
            let meeting = try database.withDesk { try $0.addMeeting(request) }
            print("Added \(meeting.code): \(meeting.title), \(meeting.datesDescription); registration deadline \(MeetingText.deadline(meeting)).")
        }
    }

    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "list", abstract: "List the meetings in the database.",
                                                               discussion: "Example: msp meeting list --format csv")

        @OptionGroup public var database: DatabaseOptions
        @OptionGroup public var output: OutputOptions<RowFormats>

        public init() {}

        public func run() throws {
            let meetings = try database.withDesk { try $0.meetings() }
            try output.write(MeetingListReport.render(meetings.map(\.meeting), format: output.format))
        }
    }

    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting and its registration figures.",
                                                               discussion: "Example: msp meeting show 7MSP")

        @OptionGroup public var database: DatabaseOptions

        @Argument(help: "The meeting's code.")
        public var code: String

        @OptionGroup public var output: OutputOptions<SummaryFormats>

        public init() {}

        public func run() throws {
            let overview = try database.withDesk { try $0.overview(code: code) }
            try output.write(MeetingShowReport.render(overview.meeting, figures: overview.statistics, format: output.format))
        }
    }
}
}
