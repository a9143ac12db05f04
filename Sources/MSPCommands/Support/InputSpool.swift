import Foundation
import MSPDomain
import MSPFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input that is not a regular file (standard input from a pipe or a terminal, a FIFO, `/dev/zero`, `<(...)`)
/// is read whole into a private temporary file (`PrivateFile`, removed at once: only its descriptor is kept) before
/// the database is touched, so that an import never holds the write lock while it waits for input that has not
/// come. A line longer than the record limit ends the reading as soon as it is over it: no record can be longer
/// than its longest line.
enum InputSpool {
    static let maxLineBytes = 1 << 20

    /// `fd` itself when it is a regular file (with its size); else a descriptor of the spooled copy, read from its
    /// start (with the size read). `name` names the input in a problem.
    static func readable(_ fd: Int32, name: String) throws -> (fd: Int32, size: Int?, spooled: Bool) {
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return (fd, Int(info.st_size), false) }
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let (path, spool) = try PrivateFile.createTemporary(in: folder, readable: true)
        unlink(path)
        do {
            let size = try copy(fd, to: spool, name: name)
            lseek(spool, 0, SEEK_SET)
            return (spool, size, true)
        } catch {
            close(spool)
            throw error
        }
    }

    private static func copy(_ input: Int32, to spool: Int32, name: String) throws -> Int {
        let chunk = 1 << 18
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        var line = 1
        var lineBytes = 0
        while true {
            let count = read(input, buffer, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(.ioError, "\(name): cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return total }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
            var start = 0
            while start < count {
                guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                    lineBytes += count - start
                    break
                }
                lineBytes += newline - start
                if lineBytes > maxLineBytes { break }
                line += 1
                lineBytes = 0
                start = newline + 1
            }
            if lineBytes > maxLineBytes {
                throw CommandFailure(
                    .dataError,
                    ImportProblem(line: line, message: "the record is longer than \(maxLineBytes >> 20) MB")
                        .located(in: name))
            }
            var written = 0
            while written < count {
                let result = write(spool, buffer + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure(
                        .ioError,
                        "\(name): cannot keep a copy of the input in \(ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"): \(String(cString: strerror(errno))); nothing was imported"
                    )
                }
                written += result
            }
            total += count
        }
    }
}
