import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp treaty ...`: the convention's States Parties and signatories.
    struct Treaty: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "treaty",
            abstract:
                "The convention's membership: States Parties and signatory States on a day; record and import it.",
            subcommands: [Status.self, Record.self, Import.self])

    }
}
