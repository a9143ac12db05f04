import Dispatch
import Foundation
import MSPApplication
import ServiceLifecycle

/// The outbox's sender inside `msp serve`: a swift-service-lifecycle `Service` beside the HTTP application in one
/// `ServiceGroup`. Every `interval` it runs a delivery pass on a thread of its own (sending blocks on the network, and
/// must not hold up the server's tasks); on SIGTERM it finishes the pass under way and returns.
package struct MailService: Service {
    package var desk: RegistrationDesk
    package var sender: any MailSender
    package var interval: Duration
    /// Told of each message sent or failed, and of a pass that could not read the outbox.
    package var report: @Sendable (String) -> Void

    package init(
        desk: RegistrationDesk, sender: any MailSender, interval: Duration = .seconds(2),
        report: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.desk = desk
        self.sender = sender
        self.interval = interval
        self.report = report
    }

    package func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await passOnItsOwnThread()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    /// One pass, on a thread of Dispatch's rather than the cooperative pool.
    func passOnItsOwnThread() async {
        let desk = desk
        let sender = sender
        let report = report
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    for outcome in try MailDelivery.pass(desk: desk, sender: sender) {
                        if let via = outcome.via {
                            report("mail \(outcome.id) to \(outcome.to) sent (\(via))")
                        } else {
                            report("mail \(outcome.id) to \(outcome.to) not sent, will retry: \(outcome.error ?? "")")
                        }
                    }
                } catch {
                    report("the outbox could not be read: \(error)")
                }
                done.resume()
            }
        }
    }
}
