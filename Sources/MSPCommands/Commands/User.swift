import ArgumentParser

extension MSP {
    /// `msp user add|list|disable`: the secretariat's accounts for the portal.
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Add, list and disable the secretariat's accounts for the portal (msp serve).",
            subcommands: [Add.self, List.self, Disable.self])
    }
}
