import ArgumentParser
import Foundation
import MSPDomain
import MSPMail

/// Where the outbox's e-mails go, shared by `msp serve` and `msp mail send`: an SMTP relay (`--smtp`, with
/// `--mail-from`), or else `.eml` files in a folder (`--outbox`, by default `outbox` beside the database).
struct MailOptions: ParsableArguments {
    @Option(
        name: .customLong("smtp"),
        help: ArgumentHelp(
            "The SMTP relay that sends the e-mails to focal points, e.g. localhost or mail.example.org:587 (plain SMTP, no TLS).",
            valueName: "host[:port]"))
    var smtp: String?

    @Option(
        name: .customLong("mail-from"),
        help: ArgumentHelp(
            "The e-mails' sender, e.g. 'CCM secretariat <ccm@unog.ch>' (required with --smtp).",
            valueName: "address"))
    var mailFrom: String?

    @Option(
        name: .customLong("outbox"),
        help: ArgumentHelp(
            "Without --smtp: the folder the e-mails are left in as .eml files (default: outbox beside the database).",
            valueName: "folder"))
    var outbox: String?

    init() {}

    /// The sender used when no --mail-from is given (files only).
    static let defaultFrom = MailAddress(name: "msp", address: "msp@localhost")

    func validate() throws {
        if let smtp, SMTPRelay.parse(smtp) == nil {
            throw ValidationError("--smtp: '\(smtp)' is not HOST or HOST:PORT")
        }
        if let mailFrom, MailAddress.parse(mailFrom) == nil {
            // On one line: the first line of a usage error is the one shown (`MSP.visible` shows the rest's controls).
            let shown = mailFrom.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
            throw ValidationError("--mail-from: '\(shown)' is not an e-mail address (ADDRESS or 'Name <ADDRESS>')")
        }
        if smtp != nil && mailFrom == nil {
            throw ValidationError("--smtp needs --mail-from: the address the e-mails come from")
        }
        if smtp != nil && outbox != nil {
            throw ValidationError("--smtp and --outbox: give one (a relay, or a folder of .eml files)")
        }
    }

    /// The folder of .eml files when no relay is given.
    func outboxFolder(database: String) -> String {
        if let outbox { return outbox }
        let folder = (database as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("outbox")
    }

    func sender(database: String) -> any MailSender {
        let from = mailFrom.flatMap(MailAddress.parse) ?? Self.defaultFrom
        if let smtp, let relay = SMTPRelay.parse(smtp) { return SMTPSender(relay: relay, from: from) }
        return OutboxFolder(path: outboxFolder(database: database), from: from)
    }

    /// "the relay localhost:25", "the folder ./outbox", for what a command prints.
    func destination(database: String) -> String {
        if let smtp, let relay = SMTPRelay.parse(smtp) { return "the SMTP relay \(relay)" }
        return "the folder \(outboxFolder(database: database))"
    }
}
