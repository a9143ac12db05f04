import ArgumentParser
import MSPApplication
import MSPDomain

extension MSP.User {
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Disable an account: it can no longer sign in; it stays in the record.",
            discussion: "Example: msp user disable j.dupont")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
        var name: String

        func run() throws {
            let account = try database.withDesk { try $0.disableAccount(name: name) }
            database.confirm("Disabled the account \(account.name): it can no longer sign in.")
        }
    }
}
