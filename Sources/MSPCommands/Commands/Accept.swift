import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp accept`: the secretariat accepts a late note.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept a late note: it counts in the list of participants.",
            discussion: """
                NOTE is the number list-late shows. A later decision replaces this one; both stay in the history.

                Example: msp accept 17 --reason "Delayed by the diplomatic pouch; President's approval"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var action: NoteAction

        func run() throws {
            try Decide.run(.accepted, action, database: database, meeting: meetingOption.meeting)
        }
    }

    /// Accepting and declining, written once.
    enum Decide {
        static func run(_ outcome: Decision, _ action: NoteAction, database: DatabaseOptions, meeting: String?) throws {
            let request = DecisionRequest(note: action.note, outcome: outcome, reason: action.reason)
            let recorded = try database.withDesk { try $0.decide(request, meeting: meeting) }
            var text = "\(outcome == .accepted ? "Accepted" : "Declined") late note \(recorded.note) of "
            text += "\(recorded.delegation)\(recorded.reference.map { ", \($0)" } ?? "") (late by \(recorded.lateness))"
            if let previous = recorded.previous { text += "; it was \(previous.outcome.rawValue) before" }
            text +=
                outcome == .accepted
                ? ": it counts in the list of participants." : ": it does not change the list of participants."
            database.confirm(text)
        }
    }
}
