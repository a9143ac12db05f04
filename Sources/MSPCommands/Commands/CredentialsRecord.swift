import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.Credentials {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record credentials received for a State's delegation.",
            discussion: """
                --kind original: formal credentials issued by the Head of State or Government or the Minister for \
                Foreign Affairs; copy: a copy or other communication (fax, letter from the Minister); note_verbale: \
                only a note verbale. The delegation must be a State registered for the meeting. The latest record \
                (by time of receipt) counts; earlier ones stay in the history.

                Example: msp credentials record --delegation Germany --kind original --received 2017-09-04T09:30
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State: name, alias or ISO code.", valueName: "name"))
        var delegation: String

        @Option(help: ArgumentHelp("original, copy or note_verbale.", valueName: "kind"))
        var kind: KindArgument

        @Option(
            help: ArgumentHelp(
                "When the credentials were received (as for msp register). Default: now, until the meeting has closed; required after (a receipt after the meeting closed is recorded with a warning).",
                valueName: "when"))
        var received: String?

        init() {}

        enum KindArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
            case original, copy
            case noteVerbale = "note_verbale"

            /// `note-verbale`, as earlier versions wrote it, is still read.
            init?(argument: String) {
                self.init(rawValue: argument == "note-verbale" ? "note_verbale" : argument)
            }

            var kind: CredentialKind {
                switch self {
                case .original: return .original
                case .copy: return .copy
                case .noteVerbale: return .noteVerbale
                }
            }
        }

        func run() throws {
            let request = CredentialsRequest(delegation: delegation, kind: kind.kind, receivedAt: received)
            let recorded = try database.withDesk { try $0.recordCredentials(request, meeting: meetingOption.meeting) }
            let meeting = recorded.meeting
            var text =
                "Recorded for \(recorded.delegation) at \(meeting.code): \(recorded.kind.description), received \(meeting.timeZone.format(recorded.receipt.instant))"
            if let previous = recorded.previous, recorded.counts { text += " (before: \(previous.argument))" }
            text += "."
            if !recorded.counts { text += "\nA record received later counts; this one stays in the history." }
            if recorded.category != .statesParties {
                text +=
                    "\n\(recorded.delegation) is not a State Party at \(meeting.code) (\(recorded.category.rawValue)): the credentials report lists States Parties only."
            }
            database.confirm(text)
            MSP.warn(recorded.warning)
        }
    }
}
