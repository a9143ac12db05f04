#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a command says when SIGINT or SIGTERM stops it before it has written anything (an import, whose one
/// transaction is then never committed): one line on standard error, then the signal's own ending. The line is
/// made before the handler is set, so the handler only calls `write`, `signal` and `raise`, which are safe there.
enum Interruption {
    nonisolated(unsafe) private static var line: UnsafeMutableBufferPointer<UInt8>?

    /// From now on, SIGINT or SIGTERM prints `message` (one `msp: ...` line) and ends the process.
    static func arm(_ message: String) {
        let bytes = Array("msp: \(message)\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        line = buffer
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have started msp with these signals blocked (the mask is inherited): let them in.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Back to the signals' default ending (once the command has written: the line would no longer be true).
    static func disarm() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private static let handler: @convention(c) (Int32) -> Void = { number in
        if let line = Interruption.line { _ = write(STDERR_FILENO, line.baseAddress, line.count) }
        signal(number, SIG_DFL)
        raise(number)
    }
}
