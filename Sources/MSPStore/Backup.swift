import Foundation
import GRDB
import MSPFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Copies the database at `source` to `target` with SQLite's online backup, in one step: the copy is the
    /// database as one transaction saw it, whatever other processes write meanwhile. The copy is written beside
    /// `target` (mode 0600, `PrivateFile`), checked with `PRAGMA integrity_check`, then renamed into place, so `target` is
    /// never half written. The source is only read: nothing is migrated or created.
    /// Returns the number of pages copied.
    @discardableResult
    package static func backup(from source: String, to target: String, replacing: Bool) throws -> Int {
        // Read-write, though only read: a read-only connection could not remove the -wal and -shm files on close.
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        let sourceQueue: DatabaseQueue
        do {
            sourceQueue = try DatabaseQueue(path: sqlitePath(source), configuration: config)
        } catch {
            throw translate(error, path: source)
        }
        defer { try? sourceQueue.close() }
        // Created as every file msp writes is (exclusively, never through a link, 0600), under a name nobody can guess.
        let (temporary, fd): (String, Int32)
        do {
            (temporary, fd) = try PrivateFile.createTemporary(in: PrivateFile.folder(of: target))
        } catch let failure as PrivateFile.Failure {
            throw StoreError.cannotWrite(path: target, reason: failure.reason)
        }
        defer { closeDescriptor(fd) }
        var pages = 0
        do {
            let copy = try DatabaseQueue(path: sqlitePath(temporary))
            try sourceQueue.backup(to: copy) { progress in pages = progress.totalPageCount }
            try copy.writeWithoutTransaction { db in
                // A copy in the plain rollback-journal mode is one self-contained file.
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard check == ["ok"] else {
                    throw StoreError.copyFailsIntegrityCheck(source: source, problems: check)
                }
            }
            try copy.close()
            if !replacing, FileManager.default.fileExists(atPath: target) {
                throw StoreError.appeared(path: target, while: "backup")
            }
            guard PrivateFile.isStill(fd, at: temporary) else {
                throw StoreError.appeared(path: temporary, while: "backup")
            }
            guard rename(temporary, target) == 0 else {
                throw StoreError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
            }
        } catch {
            remove(temporary)
            throw translate(error, path: source)
        }
        return pages
    }
}
