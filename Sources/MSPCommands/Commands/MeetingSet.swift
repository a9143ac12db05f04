import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.MeetingCommand {
    /// `msp meeting set`: the secretariat's choices for a meeting.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set what late notes awaiting a decision do at a meeting.",
            discussion: """
                include (the default): a late note counts in the list of participants until it is declined. hold: it \
                counts only once accepted. Every delegation's composition follows at once.

                Example: msp meeting set 7MSP --undecided-late-notes hold
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The meeting's code (may be left out when the database holds one meeting).")
        var code: String?

        @Option(name: .customLong("undecided-late-notes"), help: "include or hold.")
        var undecidedLateNotes: UndecidedLateNotes

        func run() throws {
            let meeting = try database.withDesk { try $0.setUndecidedLateNotes(undecidedLateNotes, meeting: code) }
            let what =
                undecidedLateNotes == .include
                ? "count in the list of participants until declined" : "count only once accepted"
            database.confirm("\(meeting.code): late notes awaiting a decision \(what).")
        }
    }
}

extension UndecidedLateNotes: ExpressibleByArgument {}
