import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls behind Maildir delivery, each turning a failure into
/// ``MailError/Code/deliveryFailed`` with the path and the system's reason.
enum FileSystemCalls {
    /// Whether anything (a file, a folder, a dangling link) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Makes the folder at `path` with mode 0700, and its missing parents likewise; a folder
    /// already there is left as it is. Each new folder is flushed into its parent.
    static func makeDirectory(_ path: String) throws(MailError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw MailError(.deliveryFailed, "\(path) is not a folder")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path {
            try makeDirectory(parent)
        }
        if mkdir(path, 0o700) != 0 {
            guard errno == EEXIST else { throw failure("cannot create the folder", path) }
            return
        }
        guard chmod(path, 0o700) == 0 else { throw failure("cannot set the mode of", path) }
        if !parent.isEmpty { try syncDirectory(parent) }
    }

    /// Writes `data` to a file at `path` with mode 0600, replacing any file there, and flushes
    /// it to disk before returning.
    static func writeDurably(_ data: Data, to path: String) throws(MailError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw failure("cannot set the mode of", path) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        guard written else { throw failure("cannot write", path) }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush", path) }
    }

    /// Renames the file at `source` to `target` in one step.
    static func move(_ source: String, to target: String) throws(MailError) {
        guard rename(source, target) == 0 else { throw failure("cannot rename \(source) to", target) }
    }

    /// Flushes the entries of the folder at `path` to disk.
    static func syncDirectory(_ path: String) throws(MailError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open the folder", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush the folder", path) }
    }

    /// The error for a failed call, read from `errno`.
    private static func failure(_ what: String, _ path: String) -> MailError {
        let reason = String(cString: strerror(errno))
        return MailError(.deliveryFailed, "\(what) \(path): \(reason)")
    }
}
