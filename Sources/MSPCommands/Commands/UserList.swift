import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.User {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts (never their passwords).",
            discussion: "Example: msp user list --format csv")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions<RowFormats>

        func run() throws {
            let accounts = try database.withReadingDesk { try $0.accounts() }
            try output.write(
                AccountsReport.render(accounts, format: output.format),
                workbook: WorkbookOutput.workbook(accounts.map(AccountRow.init), name: "Accounts"))
        }
    }
}
