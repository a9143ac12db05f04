import ArgumentParser
import MSPDomain

extension MSP {
    /// `msp document set|show`: the masthead of a meeting's official documents.
    struct Document: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "document",
            abstract:
                "Set or show the symbol, date of issue and status of a meeting's list of participants or credentials report.",
            discussion: """
                A list of participants is an official document: the secretariat gives it a symbol (printed top right, \
                e.g. CCM/MSP/2017/INF.1), a distribution and a date of issue under it, and the language of the \
                original; it is "Provisional" until the final list is issued. export-roster (every format but CSV) and \
                credentials report print them.
                """,
            subcommands: [Set.self, Show.self])
    }
}

extension DocumentKind: ExpressibleByArgument {}
