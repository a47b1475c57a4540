#if canImport(Glibc)
    import Glibc
#endif

/// Whether standard error goes to the journal, the documented way: `JOURNAL_STREAM` holds the
/// device and inode (`DEV:INO`) of the stream systemd connected, and they match stderr's.
public enum JournalStream {
    public static func standardErrorIsJournal(environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}
