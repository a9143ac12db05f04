import Foundation
import MSPApplication
import MSPDomain

#if canImport(Glibc)
    import Glibc
#endif

/// Where the outbox's messages go: a relay over SMTP, or a folder of `.eml` files.
package protocol MailSender: Sendable {
    /// Sends one message; returns where it went ("smtp HOST:PORT", a file's path). Throws when it did not go.
    func send(_ message: OutboxMessage) throws -> String
}

/// Hands each message to an SMTP relay.
package struct SMTPSender: MailSender {
    package var relay: SMTPRelay
    package var from: MailAddress

    package init(relay: SMTPRelay, from: MailAddress) {
        self.relay = relay
        self.from = from
    }

    package func send(_ message: OutboxMessage) throws -> String {
        try SMTPClient.send(
            rendered: message.message(from: from).rendered, from: from.address, to: message.to.address, relay: relay)
        return "smtp \(relay)"
    }
}

/// Leaves each message as a `.eml` file in a folder (when no relay is set): `mail-000012.eml`, readable by its owner
/// only, written under a temporary name and linked into place, so that a reader never sees half a message and an
/// existing file is never replaced.
package struct OutboxFolder: MailSender {
    package var path: String
    package var from: MailAddress

    package init(path: String, from: MailAddress) {
        self.path = path
        self.from = from
    }

    /// The file a message is written to.
    package func file(for id: Int64) -> String {
        (path as NSString).appendingPathComponent("mail-" + String(format: "%06lld", id) + ".eml")
    }

    package func send(_ message: OutboxMessage) throws -> String {
        try createFolder()
        let final = file(for: message.id)
        let temporary = (path as NSString).appendingPathComponent(
            ".mail-\(message.id)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        fchmod(fd, 0o600)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        let bytes = Array(message.message(from: from).rendered.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write \(temporary)")
                _ = close(fd)
                throw error
            }
            offset += written
        }
        guard fsync(fd) == 0 else {
            let error = failure("cannot write \(temporary)")
            _ = close(fd)
            throw error
        }
        _ = close(fd)
        // link() never replaces a file: a message written before a crash, and not yet marked sent, is already there.
        if link(temporary, final) != 0 && errno != EEXIST { throw failure("cannot create \(final)") }
        unlink(temporary)
        ok = true
        return final
    }

    /// Creates the folder (owner only) if it is missing.
    func createFolder() throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw SMTPError(message: "the outbox \(path) is not a folder")
            }
            return
        }
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func failure(_ what: String) -> SMTPError {
        SMTPError(message: "\(what): \(String(cString: strerror(errno)))")
    }
}
