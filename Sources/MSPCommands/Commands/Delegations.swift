import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp delegations`: every delegation registered for a meeting.
    struct Delegations: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delegations",
            abstract:
                "List every delegation registered for a meeting: category, participants, first and latest note, late, withdrawn, credentials.",
            discussion: """
                Withdrawn delegations are listed too (with 0 participants). Late: whether any of its registrations or \
                amendments arrived after the deadline (msp list-late lists them). Credentials: its latest record.

                Examples: msp delegations --meeting 7MSP --format csv
                          msp delegations --format xlsx --output delegations.xlsx
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let (meeting, delegations) = try database.withReadingDesk {
                try $0.delegations(meeting: meetingOption.meeting)
            }
            try output.write(
                DelegationsReport.render(delegations, meeting: meeting, format: output.format),
                workbook: WorkbookOutput.workbook(
                    delegations.map { DelegationRow($0, zone: meeting.timeZone) }, name: "Delegations \(meeting.code)"))
        }
    }

    /// `msp absent-states`: the States Parties and signatory States with no delegation.
    struct AbsentStates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "absent-states",
            abstract:
                "List the States Parties and signatory States on the meeting's opening day that have no delegation.",
            discussion: """
                A State is absent when it sent no note (reason not_registered) or its delegation withdrew (withdrawn). \
                States Parties first, then signatory States, each by name. The universalization and participation \
                work starts from this list.

                Example: msp absent-states --meeting 7MSP --format csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption
        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let (meeting, states) = try database.withReadingDesk { try $0.absentStates(meeting: meetingOption.meeting) }
            try output.write(
                AbsentStatesReport.render(states, meeting: meeting, format: output.format),
                workbook: WorkbookOutput.workbook(states.map(AbsentStateRow.init), name: "Absent \(meeting.code)"))
        }
    }

    /// `msp find-person NAME`: a participant by name across the meeting.
    struct FindPerson: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "find-person",
            abstract: "Find a participant by name in the meeting's list of participants (case and diacritics ignored).",
            discussion: """
                Every word of NAME must appear in the participant's name ("jurkovic" finds Ivan Jurkovič); honorifics \
                typed first are ignored. Searches each delegation's current composition, as the list of participants \
                shows it: participants an amendment superseded, and withdrawn delegations, are not found (msp history \
                shows a delegation's earlier notes). Each person found comes with the number of the note that lists \
                them and their place in it: 'msp correct NOTE --participant N' corrects them.

                Example: msp find-person "kim" --format json
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Argument(help: ArgumentHelp("The name, or part of it.", valueName: "name"))
        var name: String

        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let (meeting, found) = try database.withReadingDesk {
                try $0.findPerson(name, meeting: meetingOption.meeting)
            }
            try output.write(
                PersonReport.render(found, query: name, meeting: meeting, format: output.format),
                workbook: WorkbookOutput.workbook(found.map(PersonRow.init), name: "Found in \(meeting.code)"))
        }
    }
}
