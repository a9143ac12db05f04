import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp export-roster`: the list of participants.
    struct ExportRoster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-roster",
            abstract: "Export the list of participants.",
            discussion: """
                Grouped by category (States Parties, Signatory States, Observer States, International organizations, \
                Civil society); delegations alphabetically, compared without case or diacritics; the head of delegation \
                first, then alternates, then advisers. Withdrawn delegations are left out.

                Example: msp export-roster --format html --output roster.html
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @OptionGroup var output: OutputOptions<RosterFormats>

        init() {}

        func run() throws {
            let (meeting, roster) = try database.withDesk { try $0.roster(meeting: meetingOption.meeting) }
            try output.write(RosterReport.render(roster, meeting: meeting, format: output.format))
            if let path = output.output, output.writesToFile {
                print(
                    "Wrote the list of participants of \(meeting.code) (\(roster.delegationCount) delegations, \(roster.participantCount) participants) to \(path)."
                )
            }
        }
    }
}
