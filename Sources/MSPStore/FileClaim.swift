import MSPFiles

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

    /// Claims the file at `path`, creating it (privately) unless `create` is false; a file that does not exist is
    /// then `StoreError.cannotOpen`. A file with more than one name (hard link) is refused: SQLite's locks and its
    /// `-wal` file go by name, so two processes writing through two names would lose each other's writes.
    init(_ path: String, create: Bool = true) throws {
        while true {
            var created = false
            var fd: Int32 = -1
            if create, let new = try PrivateFile.creatingDatabase({ try PrivateFile.create(path, readable: true) }) {
                fd = new
                created = true
                // A new database: without its name synced into the folder, a power cut could lose it whole however
                // well its commits are synced. (Temporaries need not be: they are renamed or removed.)
                PrivateFile.syncFolder(of: path)
            } else {
                // Non-blocking: a FIFO named as the database must be refused, not waited on.
                fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
                if fd < 0 && errno == ENOENT && create { continue }
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
                guard held.st_mode & S_IFMT == S_IFREG else {
                    close(fd)
                    let what = held.st_mode & S_IFMT == S_IFDIR ? "it is a folder" : "it is not a regular file"
                    throw StoreError.cannotOpen(path: path, reason: what)
                }
                // A command that writes is refused at once on a file it may not write, before it reads or checks.
                if create && access(path, W_OK) != 0 {
                    close(fd)
                    throw StoreError.notWritable(path: path, reason: String(cString: strerror(errno)))
                }
                if held.st_nlink > 1 {
                    close(fd)
                    throw StoreError.hardLinked(path: path, links: Int(held.st_nlink))
                }
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
