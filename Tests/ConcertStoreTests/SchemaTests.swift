@_spi(Testing) import ConcertStore
import Foundation
import Testing

@Suite("Schema and SQLite settings")
struct SchemaTests {
    @Test("a new store has every known migration applied")
    func migrationsApplied() async throws {
        try await withStore { store, _ in
            #expect(SQLiteEventStore.knownMigrations == ["v1-events", "v1-snapshots", "v2-notices", "v3-digests"])
            #expect(try await store.appliedMigrations() == SQLiteEventStore.knownMigrations)
            #expect(try await store.schemaVersion() == "v3-digests")
            let status = try await store.status()
            #expect(status.backend == "sqlite")
            #expect(status.schemaVersion == "v3-digests")
            #expect(status.appliedMigrations == status.knownMigrations)
        }
    }

    @Test("a database migrated by a newer build is refused with schemaTooNew")
    func futureMigrationRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("concert.sqlite").path
            let store = try await SQLiteEventStore.open(path: path)
            try await store.append([event(0)])
            try await store.executeRaw(
                "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
            try await store.close()

            var thrown: StoreError?
            do {
                _ = try await SQLiteEventStore.open(path: path)
            } catch let error as StoreError {
                thrown = error
            }
            #expect(thrown?.code == .schemaTooNew)
            #expect(thrown?.message.contains("v2-from-the-future") == true)
        }
    }

    @Test("the journal is WAL and synchronous is FULL (2), also after reopening")
    func pragmas() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("concert.sqlite").path
            for _ in 0..<2 {
                let store = try await SQLiteEventStore.open(path: path)
                #expect(try await store.queryRaw("PRAGMA journal_mode") == ["wal"])
                #expect(try await store.queryRaw("PRAGMA synchronous") == ["2"])
                #expect(try await store.queryRaw("PRAGMA busy_timeout") == ["5000"])
                let settings = try await store.status().settings
                #expect(settings["journal_mode"] == "wal")
                #expect(settings["synchronous"] == "2")
                try await store.close()
            }
        }
    }

    @Test("status counts events and snapshots")
    func status() async throws {
        try await withStore { store, directory in
            try await appendEvents(store, count: 12)
            try await store.saveSnapshot(
                Snapshot(sequence: 12, createdAt: Date(), formatVersion: 1, state: Data([1])))
            let status = try await store.status()
            #expect(status.eventCount == 12)
            #expect(status.lastSequence == 12)
            #expect(status.snapshotSequences == [12])
            #expect(status.location.hasPrefix(directory.path))
        }
    }
}
