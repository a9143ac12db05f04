#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shared `flock` on the database file, held by every msp process that uses it, so that a process that
/// created the file and then failed removes it only if no other process has it open.
///
/// SQLite's own locks are POSIX record locks, which closing any descriptor of the file drops for the whole
/// process: the descriptor here is opened before SQLite's and closed only after SQLite's connection is closed.
/// (So one process should not close a Store while another connection of its own to the same file is open;
/// msp opens one Store per command.)
final class FileClaim: @unchecked Sendable {
    private var fd: Int32
    let created: Bool

    init(_ path: String) throws {
        while true {
            var created = false
            var fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                created = true
                // The umask may have taken bits away (even the owner's): owner read and write, nobody else.
                fchmod(fd, 0o600)
            } else if errno == EEXIST {
                fd = open(path, O_RDONLY | O_CLOEXEC)
                if fd < 0 && errno == ENOENT { continue }
            }
            guard fd >= 0 else {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            while flock(fd, LOCK_SH) != 0 && errno == EINTR {}
            // A creator that failed may have removed the file between our open and our lock: start again.
            var held = stat()
            var named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev
            {
                self.fd = fd
                self.created = created
                return
            }
            close(fd)
        }
    }

    /// Removes the database and its companion files if no other process holds the file.
    func removeIfAlone(_ path: String) {
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { return }
        Store.remove(path)
    }

    /// Lets the file go: only once SQLite's connection to it is closed.
    func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }
}
