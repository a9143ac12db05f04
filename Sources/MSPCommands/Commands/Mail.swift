import ArgumentParser

extension MSP {
    /// `msp mail list|send`: the e-mails to focal points (submission received, accepted, returned).
    struct Mail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail",
            abstract: "The e-mails to focal points: list the outbox, send what is due.",
            discussion: """
                Each submission received, accepted or returned through the portal queues one e-mail to the \
                delegation's focal point, in the same transaction. msp serve sends them (--smtp, or .eml files in \
                --outbox); msp mail send does one pass, for cron or while the portal is stopped. A message that \
                cannot be sent stays queued and is tried again after 1, 2, 4... minutes (at most an hour).
                """,
            subcommands: [List.self, Send.self])
    }
}
