import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on the state folder, so two daemons never write one event log.
///
/// Held for the life of the process through an open descriptor; the kernel releases it when
/// the process ends, however it ends.
final class StateDirectoryLock {
    private let descriptor: Int32

    /// Takes the lock, or throws when another process holds it.
    init(directory: String) throws(Daemon.StartupError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Daemon.StartupError(description: "cannot create the state folder \(directory): \(error)", exitCode: 73)
        }
        let path = (directory as NSString).appendingPathComponent("concertd.lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw Daemon.StartupError(
                description: "cannot open \(path): \(String(cString: strerror(errno)))", exitCode: 73)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Daemon.StartupError(
                description: "another concertd is already using the state folder \(directory)", exitCode: 75)
        }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
