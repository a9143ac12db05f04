import ArgumentParser
import Foundation
import MSPApplication
import MSPMail

extension MSP.Mail {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Send the e-mails that are due, once: to an SMTP relay, or as .eml files in the outbox folder.",
            discussion: """
                The same pass msp serve runs every few seconds, for cron or while the portal is stopped; both may \
                run at once (a message is taken by one sender only). Prints one line per message. Exits 0 when every \
                message went out, 75 when some could not be sent (they stay queued, tried again later).

                Example: msp mail send --smtp localhost:25 --mail-from 'CCM secretariat <ccm@unog.ch>'
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var mail: MailOptions

        @Flag(
            name: .customLong("retry-now"),
            help: "Also send the messages waiting for their next attempt (after the relay was repaired).")
        var retryNow = false

        init() {}

        func run() throws {
            let path = database.path
            let outcomes = try database.withDesk { desk in
                try MailDelivery.pass(desk: desk, sender: mail.sender(database: path), includeWaiting: retryNow)
            }
            for outcome in outcomes {
                if let via = outcome.via {
                    print("mail \(outcome.id) to \(outcome.to): sent (\(via))")
                } else {
                    print(
                        "mail \(outcome.id) to \(outcome.to): not sent, kept for a later attempt: \(outcome.error ?? "")"
                    )
                }
            }
            let failed = outcomes.filter { $0.via == nil }.count
            database.confirm(
                "msp mail send: \(outcomes.count - failed) sent to \(mail.destination(database: path)), \(failed) kept for a later attempt"
            )
            if failed > 0 { throw ExitCode(75) }
        }
    }
}
