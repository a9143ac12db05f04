import Foundation
import MSPDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An SMTP relay msp hands its messages to (a local postfix, the organisation's relay): plain SMTP, no
/// authentication, as a relay on the same machine or network takes mail from a known host.
package struct SMTPRelay: Sendable, Equatable, CustomStringConvertible {
    package var host: String
    package var port: Int
    /// Seconds to wait for the connection and for each reply.
    package var timeout: Int

    package init(host: String, port: Int = 25, timeout: Int = 30) {
        self.host = host
        self.port = port
        self.timeout = timeout
    }

    /// Reads `HOST` or `HOST:PORT` (`[::1]:2525` for an IPv6 address); nil when it is neither.
    package static func parse(_ text: String) -> SMTPRelay? {
        var host = text.trimmed
        var port = 25
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let rest = host[host.index(after: close)...]
            let inner = String(host[host.index(after: host.startIndex)..<close])
            if rest.hasPrefix(":") {
                guard let number = Int(rest.dropFirst()) else { return nil }
                port = number
            } else if !rest.isEmpty {
                return nil
            }
            host = inner
        } else if let colon = host.lastIndex(of: ":"), host.firstIndex(of: ":") == colon {
            guard let number = Int(host[host.index(after: colon)...]) else { return nil }
            port = number
            host = String(host[..<colon])
        }
        guard !host.isEmpty, !host.contains(" "), (1...65535).contains(port) else { return nil }
        return SMTPRelay(host: host, port: port)
    }

    package var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// What went wrong talking to the relay: the connection, or a reply that was not the one expected (its code and text).
package struct SMTPError: Error, CustomStringConvertible, Equatable {
    package var message: String
    /// The relay's reply code, when it answered with a refusal.
    package var code: Int?

    package var description: String { message }
}

/// A minimal SMTP client (RFC 5321): EHLO (HELO when refused), MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT.
///
/// Written by hand over blocking POSIX sockets with timeouts: no SMTP package is among those this project can build
/// with offline, swift-nio would need a line decoder and a client bootstrap for four commands, and a delivery pass
/// runs on its own thread (never on the server's event loops or inside a database transaction), so blocking is fine.
/// No STARTTLS: the relay is expected on the same machine or a trusted network.
package enum SMTPClient {
    /// Sends one rendered message (`MailMessage.rendered`) from `from` to `to`; throws `SMTPError` on any failure.
    package static func send(rendered: String, from: String, to: String, relay: SMTPRelay, heloName: String? = nil)
        throws
    {
        let connection = try Connection(relay)
        defer { connection.close() }
        try connection.expect([220], "the greeting")
        let name = heloName ?? localHostName()
        do {
            try connection.command("EHLO \(name)", expect: [250])
        } catch let error as SMTPError where error.code != nil {
            try connection.command("HELO \(name)", expect: [250])
        }
        try connection.command("MAIL FROM:<\(from)>", expect: [250])
        try connection.command("RCPT TO:<\(to)>", expect: [250, 251])
        try connection.command("DATA", expect: [354])
        try connection.write(dotStuffed(rendered) + ".\r\n")
        try connection.expect([250], "the end of the message")
        // The message is accepted: a failed QUIT changes nothing.
        try? connection.command("QUIT", expect: [221])
    }

    /// The message as DATA sends it: CRLF line ends, a "." added before every line that starts with one (RFC 5321
    /// §4.5.2), ending in CRLF (the caller adds the final ".").
    package static func dotStuffed(_ rendered: String) -> String {
        var text = rendered.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return
            text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n") + "\r\n"
    }

    static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let name = String(cString: buffer)
        return name.isEmpty || name.contains(" ") ? "localhost" : name
    }

    /// One connection to the relay, line by line.
    final class Connection {
        let fd: Int32
        let relay: SMTPRelay
        var buffer: [UInt8] = []

        init(_ relay: SMTPRelay) throws {
            self.relay = relay
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            #if canImport(Glibc)
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
                hints.ai_socktype = SOCK_STREAM
            #endif
            var result: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(relay.host, String(relay.port), &hints, &result)
            guard status == 0, let first = result else {
                throw SMTPError(message: "cannot find the relay \(relay): \(String(cString: gai_strerror(status)))")
            }
            defer { freeaddrinfo(result) }
            var lastError = "no address"
            var candidate: UnsafeMutablePointer<addrinfo>? = first
            while let info = candidate {
                candidate = info.pointee.ai_next
                let socketFD = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
                guard socketFD >= 0 else { continue }
                var timeout = timeval(tv_sec: relay.timeout, tv_usec: 0)
                // On Linux the send timeout bounds connect() too.
                setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if connect(socketFD, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    fd = socketFD
                    return
                }
                lastError = String(cString: strerror(errno))
                _ = Glibc.close(socketFD)
            }
            throw SMTPError(message: "cannot connect to the relay \(relay): \(lastError)")
        }

        func close() { _ = Glibc.close(fd) }

        func write(_ text: String) throws {
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { raw in
                    Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SMTPError(
                        message: "writing to the relay \(relay) failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }

        func readLine() throws -> String {
            while true {
                if let end = buffer.firstIndex(of: 0x0A) {
                    var line = Array(buffer[..<end])
                    buffer.removeFirst(end + 1)
                    if line.last == 0x0D { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0 && errno == EINTR { continue }
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    throw SMTPError(message: "the relay \(relay) did not answer within \(relay.timeout) s")
                }
                guard count > 0 else {
                    throw SMTPError(message: "the relay \(relay) closed the connection")
                }
                buffer += chunk[..<count]
                if buffer.count > 1 << 20 { throw SMTPError(message: "the relay \(relay) sent a line too long") }
            }
        }

        /// Reads one reply (its lines "250-..." up to "250 ..."): its code, and its text joined.
        func reply() throws -> (code: Int, text: String) {
            var texts: [String] = []
            while true {
                let line = try readLine()
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw SMTPError(
                        message: "the relay \(relay) answered something that is not SMTP: \(line.prefix(80))")
                }
                texts.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    return (code, texts.joined(separator: " "))
                }
            }
        }

        func expect(_ codes: Set<Int>, _ what: String) throws {
            let (code, text) = try reply()
            guard codes.contains(code) else {
                throw SMTPError(message: "the relay \(relay) refused \(what): \(code) \(text)", code: code)
            }
        }

        func command(_ line: String, expect codes: Set<Int>) throws {
            try write(line + "\r\n")
            try expect(codes, line.split(separator: ":").first.map(String.init) ?? line)
        }
    }
}
