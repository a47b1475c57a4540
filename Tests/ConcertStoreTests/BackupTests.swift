import ConcertStore
import Foundation
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("a backup opens as a store with the same events and snapshots")
    func backupRoundTrip() async throws {
        try await withStore { store, directory in
            let recorded = try await appendEvents(store, count: 40)
            let snapshot = Snapshot(
                sequence: 40, createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                formatVersion: 1, state: Data("s".utf8))
            try await store.saveSnapshot(snapshot)
            let copyPath = directory.appendingPathComponent("backups/copy.sqlite").path
            try await store.backup(to: copyPath)
            // The original goes on.
            try await store.append([event(40)])

            let copy = try await SQLiteEventStore.open(path: copyPath)
            #expect(try await copy.events(after: 0, limit: 100) == recorded)
            #expect(try await copy.latestValidSnapshot().snapshot == snapshot)
            #expect(try await copy.appliedMigrations() == SQLiteEventStore.knownMigrations)
            try await copy.close()
        }
    }

    @Test("a backup over an existing file is refused")
    func existingFileRefused() async throws {
        try await withStore { store, directory in
            let path = directory.appendingPathComponent("exists.sqlite").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("keep".utf8)))
            #expect(await storeErrorCode { try await store.backup(to: path) } == .invalidArgument)
            #expect(FileManager.default.contents(atPath: path) == Data("keep".utf8))
        }
    }
}
