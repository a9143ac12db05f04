import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.Document {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set what a document prints in its masthead; what is left out stays as it was.",
            discussion: """
                Examples:
                  msp document set participants --symbol CCM/MSP/2017/INF.1 --issued 2017-09-04
                  msp document set participants --final --issued 2017-09-06
                  msp document set credentials --symbol CCM/MSP/2017/INF.2 --language French
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Argument(help: ArgumentHelp("The document: participants or credentials.", valueName: "document"))
        var kind: DocumentKind

        @Option(help: ArgumentHelp("Its symbol, e.g. CCM/MSP/2017/INF.1 (\"\" removes it).", valueName: "symbol"))
        var symbol: String?

        @Option(
            help: ArgumentHelp("General, Limited or Restricted (General when never set).", valueName: "distribution"))
        var distribution: String?

        @Option(help: ArgumentHelp("The date of issue, YYYY-MM-DD (\"\" removes it).", valueName: "date"))
        var issued: String?

        /// `--final` issues the final document; `--provisional` makes it provisional again.
        enum Status: String, EnumerableFlag {
            case final, provisional

            static func help(for value: Status) -> ArgumentHelp? {
                value == .final
                    ? "The final document (\"List of participants\")."
                    : "Provisional again, as it is until --final (\"Provisional list of participants\")."
            }
        }

        @Flag var status: Status?

        @Option(
            help: ArgumentHelp(
                "The language of the original: Arabic, Chinese, English, French, Russian or Spanish.",
                valueName: "language"))
        var language: String?

        init() {}

        func run() throws {
            let set = try database.withDesk { desk in
                try desk.setMasthead(
                    MastheadRequest(
                        kind: kind, symbol: symbol, distribution: distribution, issued: issued,
                        provisional: status.map { $0 == .provisional }, language: language),
                    meeting: meetingOption.meeting)
            }
            database.confirm("\(set.meeting.code): \(DocumentReport.sentence(set.masthead, kind: kind)).")
        }
    }
}
