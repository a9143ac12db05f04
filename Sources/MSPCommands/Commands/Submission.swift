import ArgumentParser

extension MSP {
    /// `msp submission list|show|accept|return`: what focal points sent through their links, at the desk.
    struct SubmissionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submission",
            abstract:
                "The notes and withdrawals focal points submitted through the portal: list, show, accept, return.",
            discussion: """
                A submission waits (pending) until the secretariat accepts it, which records it as msp register or msp \
                withdraw would, with the time the portal received it, or returns it to its focal point with a reason. \
                The portal (msp serve) shows the same queue, with each note verbale beside its transcription.
                """,
            subcommands: [List.self, Show.self, Accept.self, Return.self])
    }
}
