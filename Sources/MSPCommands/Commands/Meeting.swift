import Foundation
import ArgumentParser
import MSPDomain
import MSPStore

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
            let zone = try VenueTimeZone(identifier: timeZone.trimmingCharacters(in: .whitespaces), field: "--time-zone")
            let meeting = try Meeting(
                code: code, title: title, convention: convention, venue: venue,
                opens: try LocalDate.parse(opens, field: "--opens"), closes: try LocalDate.parse(closes, field: "--closes"),
                timeZone: zone, deadline: try WhenParser.deadline(deadline, in: zone, field: "--deadline"))
            _ = try database.withStore { store in
                try store.addMeeting(meeting, change: ChangeInfo(command: "meeting add"))
            }
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
            let meetings = try database.withStore { try $0.meetings() }
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
            let (stored, figures) = try database.withStore { store in
                let stored = try store.meeting(code: code)
                return (stored, try store.figures(stored))
            }
            try output.write(MeetingShowReport.render(stored.meeting, figures: figures, format: output.format))
        }
    }
}
}
