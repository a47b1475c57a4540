import ConcertStore
import Foundation
import Testing

@Suite("Opening, closing and reopening")
struct PersistenceTests {
    @Test("events and snapshots survive close and reopen, and sequences go on")
    func survivesReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("new/dir/concert.sqlite").path
            let store = try await SQLiteEventStore.open(path: path)
            let recorded = try await appendEvents(store, count: 50, batchSize: 7)
            let state = Data("state at 50".utf8)
            try await store.saveSnapshot(
                Snapshot(
                    sequence: 50, createdAt: Date(timeIntervalSince1970: 1_700_000_001),
                    formatVersion: 1, state: state))
            try await store.close()

            let reopened = try await SQLiteEventStore.open(path: path)
            #expect(try await reopened.events(after: 0, limit: 100) == recorded)
            #expect(try await reopened.latestValidSnapshot().snapshot?.state == state)
            #expect(try await reopened.append([event(50)]).map(\.sequence) == [51])
            try await reopened.close()
        }
    }

    @Test("a closed store refuses calls with .closed; closing twice is harmless")
    func closedStore() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await SQLiteEventStore.open(
                path: directory.appendingPathComponent("concert.sqlite").path)
            try await store.close()
            try await store.close()
            #expect(await storeErrorCode { _ = try await store.append([event(0)]) } == .closed)
            #expect(await storeErrorCode { _ = try await store.lastSequence() } == .closed)
        }
    }

    @Test("a file that is not a database is refused as corrupt")
    func notADatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("concert.sqlite").path
            let garbage = Data(repeating: 0x5A, count: 8192)
            #expect(FileManager.default.createFile(atPath: path, contents: garbage))
            let code = await storeErrorCode { _ = try await SQLiteEventStore.open(path: path) }
            #expect(code == .corrupt)
        }
    }

    @Test("a directory that cannot be created is reported as cannotOpen")
    func cannotCreateDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("a-file")
            #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
            let path = file.appendingPathComponent("sub/concert.sqlite").path
            let code = await storeErrorCode { _ = try await SQLiteEventStore.open(path: path) }
            #expect(code == .cannotOpen)
        }
    }

    @Test("an empty path is an invalid argument")
    func emptyPath() async {
        #expect(
            await storeErrorCode { _ = try await SQLiteEventStore.open(path: "") }
                == .invalidArgument)
    }
}
