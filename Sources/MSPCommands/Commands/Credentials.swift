import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp credentials record|report`: the credentials States present to the meeting.
    struct Credentials: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "credentials",
            abstract: "Record the credentials States present, and report them to the meeting.",
            subcommands: [Record.self, Report.self])

    }
}
