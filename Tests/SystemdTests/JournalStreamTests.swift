import Testing

@testable import Systemd

#if canImport(Glibc)
    import Glibc
#endif

/// `--log-target auto` picks the journal only when `JOURNAL_STREAM` names stderr itself.
@Suite("journal stream")
struct JournalStreamTests {
    @Test func matchesStandardErrorsDeviceAndInode() {
        var info = stat()
        #expect(fstat(STDERR_FILENO, &info) == 0)
        let own = "\(UInt64(info.st_dev)):\(UInt64(info.st_ino))"
        #expect(JournalStream.standardErrorIsJournal(environment: ["JOURNAL_STREAM": own]))
        let other = "\(UInt64(info.st_dev)):\(UInt64(info.st_ino) &+ 1)"
        #expect(!JournalStream.standardErrorIsJournal(environment: ["JOURNAL_STREAM": other]))
        #expect(!JournalStream.standardErrorIsJournal(environment: ["JOURNAL_STREAM": "garbage"]))
        #expect(!JournalStream.standardErrorIsJournal(environment: [:]))
    }
}
