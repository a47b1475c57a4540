import ConcertStore
import Foundation
import Testing

/// Runs `body` with a fresh directory that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("concert-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Runs `body` with a store opened in a fresh directory (in a subdirectory
/// that does not exist yet, so opening has to create it), closed afterwards.
func withStore<T>(
    configuration: SQLiteEventStore.Configuration = .init(),
    _ body: (SQLiteEventStore, URL) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory { directory in
        let path = directory.appendingPathComponent("state/log/concert.sqlite").path
        let store = try await SQLiteEventStore.open(path: path, configuration: configuration)
        do {
            let result = try await body(store, directory)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// A test event whose date is a whole number of milliseconds.
func event(
    _ index: Int, kind: String = "progressReported", subject: String? = nil,
    command: String? = nil, actor: EventActor = .user(uid: 1000, name: "ana", role: "coordinator")
) -> PendingEvent {
    PendingEvent(
        recordedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) / 1000),
        actor: actor, commandID: command ?? "command-\(index)", kind: kind, subject: subject,
        payload: Data(#"{"index":\#(index)}"#.utf8))
}

/// Appends `count` events in batches of `batchSize`.
@discardableResult
func appendEvents(
    _ store: some EventStore, count: Int, batchSize: Int = 100, subject: String? = nil
) async throws -> [RecordedEvent] {
    var recorded: [RecordedEvent] = []
    var next = 0
    while next < count {
        let batch = (next..<min(count, next + batchSize)).map { event($0, subject: subject) }
        recorded += try await store.append(batch)
        next += batch.count
    }
    return recorded
}

/// The code of the `StoreError` `body` throws, or nil when it throws another error or none.
func storeErrorCode(_ body: () async throws -> Void) async -> StoreError.Code? {
    do {
        try await body()
        return nil
    } catch let error as StoreError {
        return error.code
    } catch {
        return nil
    }
}

/// `data` as an SQL BLOB literal, X'...'.
func blobLiteral(_ data: Data) -> String {
    "X'"
        + data.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined() + "'"
}
