import Foundation
import GRDB

extension SQLiteEventStore {
    /// Appends a batch of events in one transaction (one fsync) and returns
    /// them with their sequence numbers, after the commit.
    ///
    /// See ``EventStore/append(_:)``. The insert statement is prepared once
    /// per connection and reused.
    ///
    /// - Throws: ``StoreError/Code/invalidArgument`` for a date that cannot be
    ///   stored, ``StoreError/Code/constraintViolation`` when the database
    ///   refuses an event (an empty kind); in both cases nothing is written.
    @discardableResult
    public func append(_ batch: [PendingEvent]) async throws -> [RecordedEvent] {
        try await perform("cannot append \(batch.count) events") {
            guard !batch.isEmpty else { return [] }
            let millis = try batch.enumerated().map { index, event in
                try UnixMillis.millis(event.recordedAt, of: "the date of event \(index) of the batch")
            }
            return try await pool.write { db in
                let insert = try db.cachedStatement(sql: SQLiteSchema.insertEvent)
                var recorded: [RecordedEvent] = []
                recorded.reserveCapacity(batch.count)
                for (event, millis) in zip(batch, millis) {
                    try insert.execute(arguments: [
                        millis, event.actor.kind.rawValue, event.actor.uid.map { Int64($0) },
                        event.actor.name, event.actor.role, event.commandID, event.kind,
                        event.subject, event.payload,
                    ])
                    recorded.append(
                        RecordedEvent(
                            sequence: db.lastInsertedRowID, recordedAt: UnixMillis.date(millis),
                            actor: event.actor, commandID: event.commandID, kind: event.kind,
                            subject: event.subject, payload: event.payload))
                }
                return recorded
            }
        }
    }
}
