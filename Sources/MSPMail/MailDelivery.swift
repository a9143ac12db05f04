import Foundation
import MSPApplication
import MSPDomain

/// One delivery pass over the outbox: each due message is taken (a short write), sent with no transaction open, and
/// its outcome recorded (another short write). A failure sets the next attempt later (`mailRetryDelay`) and the
/// message stays pending: never lost, and never in the way of a submission, which only ever wrote a row.
package enum MailDelivery {
    package struct Outcome: Sendable, Equatable {
        package var id: Int64
        package var to: String
        /// Where it went, or nil when it failed.
        package var via: String?
        package var error: String?
    }

    /// Sends what is due now (`includeWaiting`: every pending message, even one waiting for its next attempt).
    @discardableResult
    package static func pass(desk: RegistrationDesk, sender: any MailSender, includeWaiting: Bool = false) throws
        -> [Outcome]
    {
        var outcomes: [Outcome] = []
        for message in try desk.dueMail(includeWaiting: includeWaiting) {
            guard try desk.claimMail(message.id, force: includeWaiting) else { continue }
            do {
                let via = try sender.send(message)
                try desk.recordMailSent(message.id, via: via)
                outcomes.append(Outcome(id: message.id, to: message.to.address, via: via, error: nil))
            } catch {
                let text = (error as? SMTPError)?.message ?? String(describing: error)
                try desk.recordMailFailure(message.id, attemptsBefore: message.attempts, error: text)
                outcomes.append(Outcome(id: message.id, to: message.to.address, via: nil, error: text))
            }
        }
        return outcomes
    }
}
