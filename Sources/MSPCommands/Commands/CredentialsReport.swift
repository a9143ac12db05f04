import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP.Credentials {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report, for every registered State Party, what credentials it presented.",
            discussion: """
                Four lists: formal credentials (original), a copy or communication (copy), only a note verbale \
                (note_verbale), and nothing yet (missing). JSON: an object with these four lists of State names.

                --format xlsx: one sheet, a row per State (state, credentials), each list a heading row.

                Examples: msp credentials report --format json
                          msp credentials report --format xlsx --output credentials.xlsx
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @OptionGroup var output: OutputOptions<CredentialsFormats>

        init() {}

        func run() throws {
            let (meeting, report, masthead) = try database.withReadingDesk { desk in
                let (meeting, report) = try desk.credentialsReport(meeting: meetingOption.meeting)
                return (meeting, report, try desk.masthead(.credentials, meeting: meeting.code).masthead)
            }
            try CredentialsDocument.write(report, meeting: meeting, masthead: masthead, to: output)
        }
    }
}
