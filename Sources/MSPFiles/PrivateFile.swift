#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How msp creates every file it writes (the database, an `--output` file's temporary, a backup's temporary, the
/// copy kept before a schema upgrade): exclusively (`O_CREAT|O_EXCL`: never an existing file), never through a
/// symbolic link (`O_NOFOLLOW`: a link planted under the name is refused, not followed), and readable and writable
/// by its owner only (0600, whatever the umask). A temporary gets an unpredictable name, so nobody can plant
/// anything under it beforehand.
package enum PrivateFile {
    /// A file that could not be created, with the system's reason.
    package struct Failure: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot create \(path): \(reason)" }
    }

    /// Creates `path`; returns its open descriptor (write-only unless `readable`), or nil when something (a file, a
    /// folder, a symbolic link) is already there.
    package static func create(_ path: String, readable: Bool = false) throws -> Int32? {
        let access = readable ? O_RDWR : O_WRONLY
        let fd = open(path, access | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return nil }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        // The umask may have taken bits away (even the owner's): owner read and write, nobody else.
        fchmod(fd, 0o600)
        return fd
    }

    /// Syncs the folder holding `path`, so that a file just created there survives a power cut (its name is in the
    /// folder only once the folder is synced).
    package static func syncFolder(of path: String) {
        let fd = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Creates a new file with an unpredictable name in `folder` (`.msp-` and 16 random hexadecimal digits: short,
    /// so a target's name of 255 bytes still has a temporary beside it).
    package static func createTemporary(in folder: String, readable: Bool = false) throws -> (path: String, fd: Int32) {
        var generator = SystemRandomNumberGenerator()
        while true {
            let name = ".msp-" + String(generator.next() as UInt64, radix: 16) + ".tmp"
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if let fd = try create(path, readable: readable) { return (path, fd) }
        }
    }

    /// The folder holding `path` ("." for a bare name).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether the descriptor and the name are still the same file (nobody put another file or a link in its place).
    package static func isStill(_ fd: Int32, at path: String) -> Bool {
        var held = stat()
        var named = stat()
        return fstat(fd, &held) == 0 && lstat(path, &named) == 0 && held.st_ino == named.st_ino
            && held.st_dev == named.st_dev
    }
}
