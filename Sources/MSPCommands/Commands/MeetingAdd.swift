import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.MeetingCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a meeting.",
            discussion: """
                Example: msp meeting add 7MSP --title "Seventh Meeting of States Parties to the Convention on Cluster Munitions" \
                --convention CCM --opens 2017-09-04 --closes 2017-09-06 --deadline 2017-08-18 --time-zone Europe/Zurich \
                --venue "Palais des Nations, Room XIX, Geneva"
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The meeting's code, e.g. 7MSP.")
        var code: String

        @Option(help: "The meeting's full title.")
        var title: String

        @Option(help: "The convention's code, e.g. CCM.")
        var convention: String

        @Option(help: ArgumentHelp("The opening day, YYYY-MM-DD.", valueName: "date"))
        var opens: String

        @Option(help: ArgumentHelp("The closing day, YYYY-MM-DD.", valueName: "date"))
        var closes: String

        @Option(
            help: ArgumentHelp(
                "The registration deadline: a day (up to the end of that day in the meeting's time zone) or an ISO 8601 instant.",
                valueName: "when"))
        var deadline: String

        @Option(
            name: .customLong("time-zone"),
            help: ArgumentHelp("The venue's time zone (IANA name), e.g. Europe/Zurich.", valueName: "zone"))
        var timeZone: String

        @Option(help: "Where the meeting takes place.")
        var venue: String?

        @Option(
            name: .customLong("undecided-late-notes"),
            help:
                "What a late note awaiting a decision does: include (counts until declined; the default) or hold (counts once accepted)."
        )
        var undecidedLateNotes: UndecidedLateNotes = .include

        init() {}

        func run() throws {
            let request = MeetingRequest(
                code: code, title: title, convention: convention, opens: opens, closes: closes,
                deadline: deadline, timeZone: timeZone, venue: venue, undecidedLateNotes: undecidedLateNotes)
            let meeting = try database.withDesk { try $0.addMeeting(request) }
            database.confirm(
                "Added \(meeting.code): \(meeting.title), \(meeting.datesDescription); registration deadline \(MeetingText.deadline(meeting))."
            )
        }
    }
}
