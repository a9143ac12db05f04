import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp meeting add|list|show`.
    struct MeetingCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meeting",
            abstract: "Add, list and show meetings.",
            subcommands: [Add.self, List.self, Show.self, Set.self]
        )

    }
}
