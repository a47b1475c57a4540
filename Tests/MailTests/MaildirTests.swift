import Foundation
import Mail
import Testing

/// Maildir delivery: tmp, fsync, rename into new; idempotent by unique name.
@Suite struct MaildirTests {
    static let data = Data("Subject: test\r\n\r\nbody\r\n".utf8)

    @Test func deliversIntoNewWithPrivateModes() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let root = folder.url.appendingPathComponent("a/b/Maildir")
        let outcome = try Maildir(root: root).deliver(Self.data, uniqueName: "notice.1")
        let expected = root.appendingPathComponent("new/notice.1")
        #expect(outcome == .delivered(expected))
        #expect(try Data(contentsOf: expected) == Self.data)
        #expect(folder.names(in: "a/b/Maildir") == ["cur", "new", "tmp"])
        #expect(folder.names(in: "a/b/Maildir/tmp") == [])
        #expect(try folder.mode("a/b/Maildir/new/notice.1") == 0o600)
        for sub in ["a", "a/b", "a/b/Maildir", "a/b/Maildir/tmp", "a/b/Maildir/new", "a/b/Maildir/cur"] {
            #expect(try folder.mode(sub) == 0o700, "\(sub)")
        }
    }

    @Test func leavesAnExistingRootAsItIs() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        _ = try Maildir(root: folder.url).deliver(Self.data, uniqueName: "n")
        #expect(try folder.mode("") == 0o750)
        #expect(try folder.mode("new") == 0o700)
    }

    @Test func deliversAUniqueNameOnce() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let maildir = Maildir(root: folder.url)
        #expect(!maildir.contains(uniqueName: "notice.1"))
        _ = try maildir.deliver(Self.data, uniqueName: "notice.1")
        #expect(maildir.contains(uniqueName: "notice.1"))
        let again = try maildir.deliver(Data("other".utf8), uniqueName: "notice.1")
        #expect(again == .alreadyPresent(folder.url.appendingPathComponent("new/notice.1")))
        #expect(folder.names(in: "new") == ["notice.1"])
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("new/notice.1")) == Self.data)
        _ = try maildir.deliver(Self.data, uniqueName: "notice.2")
        #expect(folder.names(in: "new") == ["notice.1", "notice.2"])
    }

    @Test(arguments: ["notice.1:2,S", "notice.1:2,", "notice.1:2,FRS", "notice.1"])
    func countsAMessageAReaderMovedToCur(name: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let maildir = Maildir(root: folder.url)
        _ = try maildir.deliver(Self.data, uniqueName: "notice.1")
        let moved = folder.url.appendingPathComponent("cur/\(name)")
        try FileManager.default.moveItem(at: folder.url.appendingPathComponent("new/notice.1"), to: moved)
        #expect(maildir.contains(uniqueName: "notice.1"))
        #expect(try maildir.deliver(Self.data, uniqueName: "notice.1") == .alreadyPresent(moved))
        #expect(folder.names(in: "new") == [])
        #expect(folder.names(in: "cur") == [name])
    }

    @Test func doesNotTakeALongerNameForThisOne() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let maildir = Maildir(root: folder.url)
        _ = try maildir.deliver(Self.data, uniqueName: "notice.10")
        try FileManager.default.moveItem(
            at: folder.url.appendingPathComponent("new/notice.10"),
            to: folder.url.appendingPathComponent("cur/notice.10:2,S"))
        #expect(!maildir.contains(uniqueName: "notice.1"))
        #expect(
            try maildir.deliver(Self.data, uniqueName: "notice.1")
                == .delivered(folder.url.appendingPathComponent("new/notice.1")))
    }

    @Test func replacesALeftoverTemporaryFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let maildir = Maildir(root: folder.url)
        _ = try maildir.deliver(Self.data, uniqueName: "other")
        let leftover = folder.url.appendingPathComponent("tmp/notice.1")
        try Data(repeating: 0x41, count: 10_000).write(to: leftover)
        _ = try maildir.deliver(Self.data, uniqueName: "notice.1")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("new/notice.1")) == Self.data)
        #expect(folder.names(in: "tmp") == [])
        #expect(try folder.mode("new/notice.1") == 0o600)
    }

    @Test(arguments: [
        "", "a/b", "../escape", "a:2,S", ".hidden", ".", "..", "line\nbreak", "nul\u{0}",
        String(repeating: "x", count: 201), String(repeating: "ç", count: 101),
    ])
    func refusesABadUniqueName(name: String) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let maildir = Maildir(root: folder.url)
        let error = #expect(throws: MailError.self) { try maildir.deliver(Self.data, uniqueName: name) }
        #expect(error?.code == .invalidUniqueName)
        #expect(!maildir.contains(uniqueName: name))
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
    }

    @Test func acceptsANameOf200Bytes() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let name = String(repeating: "ç", count: 100)
        let outcome = try Maildir(root: folder.url).deliver(Self.data, uniqueName: name)
        #expect(outcome == .delivered(folder.url.appendingPathComponent("new/\(name)")))
        #expect(folder.names(in: "new") == [name])
    }

    @Test func reportsAFileSystemFailure() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let blocker = folder.url.appendingPathComponent("Maildir")
        try Data().write(to: blocker)
        let error = #expect(throws: MailError.self) { try Maildir(root: blocker).deliver(Self.data, uniqueName: "n") }
        #expect(error?.code == .deliveryFailed)
    }
}
