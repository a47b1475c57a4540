@_spi(Testing) import ConcertStore
import Foundation
import Testing

@Suite("The log is append-only in the database itself")
struct AppendOnlyTests {
    @Test("raw UPDATE of an event is aborted by a trigger")
    func updateRefused() async throws {
        try await withStore { store, _ in
            let recorded = try await store.append([event(0), event(1)])
            var thrown: StoreError?
            do {
                try await store.executeRaw("UPDATE events SET kind = 'forged' WHERE sequence = 1")
            } catch let error as StoreError {
                thrown = error
            }
            #expect(thrown?.code == .constraintViolation)
            #expect(thrown?.message.contains("append-only") == true)
            #expect(try await store.events(after: 0, limit: 10) == recorded)
        }
    }

    @Test("raw DELETE of events is aborted by a trigger")
    func deleteRefused() async throws {
        try await withStore { store, _ in
            let recorded = try await store.append([event(0), event(1)])
            for sql in ["DELETE FROM events WHERE sequence = 2", "DELETE FROM events"] {
                var thrown: StoreError?
                do {
                    try await store.executeRaw(sql)
                } catch let error as StoreError {
                    thrown = error
                }
                #expect(thrown?.code == .constraintViolation)
                #expect(thrown?.message.contains("append-only") == true)
            }
            #expect(try await store.events(after: 0, limit: 10) == recorded)
        }
    }

    @Test("INSERT OR REPLACE over an existing event is refused too")
    func replaceRefused() async throws {
        try await withStore { store, _ in
            let recorded = try await store.append([event(0)])
            var thrown: StoreError?
            do {
                try await store.executeRaw(
                    """
                    INSERT OR REPLACE INTO events (sequence, recorded_at, actor_kind, actor_name, \
                    command_id, kind, payload) VALUES (1, 0, 'user', 'eve', 'c', 'forged', X'00')
                    """)
            } catch let error as StoreError {
                thrown = error
            }
            #expect(thrown?.code == .constraintViolation)
            #expect(thrown?.message.contains("append-only") == true)
            #expect(try await store.events(after: 0, limit: 10) == recorded)
        }
    }

    @Test("a database whose append-only triggers were dropped is refused as corrupt")
    func droppedTriggerRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("concert.sqlite").path
            let store = try await SQLiteEventStore.open(path: path)
            try await store.executeRaw("DROP TRIGGER events_refuse_delete")
            try await store.close()
            let code = await storeErrorCode { _ = try await SQLiteEventStore.open(path: path) }
            #expect(code == .corrupt)
        }
    }
}
