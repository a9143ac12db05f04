import ArgumentParser

extension MSP {
    /// `msp focal-point add|list|reissue|revoke`: the person at each delegation who registers it online through a
    /// personal link.
    struct FocalPointCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "focal-point",
            abstract:
                "Name each delegation's focal point and issue their personal link; list, re-issue and revoke links.",
            discussion: """
                A link is BASE/focal-point/TOKEN, with a random token of 256 bits. msp keeps only the token's SHA-256: \
                the link is printed once, when it is issued or re-issued, and cannot be shown again. A delegation has \
                one working link per meeting.
                """,
            subcommands: [Add.self, List.self, Reissue.self, Revoke.self])
    }
}
