import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp history`: a delegation's notes in the order they were received, with who recorded each and when.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract:
                "Show a delegation's notes and credentials in order: registration, amendments, withdrawals, credentials; who recorded each and when.",
            discussion: "Example: msp history --delegation Uganda --format csv")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        var delegation: String

        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let history = try database.withReadingDesk {
                try $0.history(delegation: delegation, meeting: meetingOption.meeting)
            }
            try output.write(
                HistoryReport.render(
                    (history.delegation, history.entries), meeting: history.meeting,
                    format: output.format),
                workbook: WorkbookOutput.workbook(
                    history.entries.map {
                        HistoryRow($0, delegation: history.delegation, zone: history.meeting.timeZone)
                    }, name: "History of \(history.delegation)"))
        }
    }
}
