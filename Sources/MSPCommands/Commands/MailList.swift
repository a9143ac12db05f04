import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.Mail {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the outbox, newest first: each e-mail to a focal point, queued, retrying or sent.",
            discussion: """
                retrying: an attempt failed (last_error says why); it is tried again at next_attempt. sent: when and \
                where it went (the relay, or the .eml file).

                Example: msp mail list --status pending --format csv
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Only this meeting's e-mails (default: every meeting's).", valueName: "code"))
        var meeting: String?

        @Option(help: ArgumentHelp("Only pending (queued or retrying) or sent e-mails.", valueName: "status"))
        var status: MailStatus?

        @OptionGroup var output: OutputOptions<RowFormats>

        init() {}

        func run() throws {
            let messages = try database.withReadingDesk { try $0.outbox(meeting: meeting, status: status) }
            try output.write(
                MailListReport.render(messages, format: output.format),
                workbook: WorkbookOutput.workbook(messages.map(MailRow.init), name: "Outbox"))
        }
    }
}

extension MailStatus: ExpressibleByArgument {}
