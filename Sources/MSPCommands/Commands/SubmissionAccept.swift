import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.SubmissionCommand {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept a pending submission: it is recorded as the delegation's note, or its withdrawal.",
            discussion: """
                It is recorded with the time the portal received it: a submission received after the deadline is a \
                late note, which msp accept or msp decline then decides on as any other.

                Example: msp submission accept 4
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Argument(help: ArgumentHelp("The submission's number, as submission list shows it.", valueName: "submission"))
        var id: Int64

        init() {}

        func run() throws {
            let accepted = try database.withDesk { try $0.acceptSubmission(id: id, meeting: meetingOption.meeting) }
            let note = accepted.note
            var text = "Accepted submission \(id) of \(note.delegation): recorded as note "
            text += "\(accepted.submission.noteNumber.map(String.init) ?? "?") (\(note.kind.rawValue)"
            text += note.reference.map { ", \($0)" } ?? ""
            text += note.kind == .withdrawal ? ")" : ", \(note.participantCount) participant(s))"
            text +=
                note.lateness.isLate ? ", late by \(note.lateness): it awaits a decision (msp accept)." : ", on time."
            database.confirm(text)
        }
    }
}
