import Foundation
import GRDB

extension SQLiteEventStore {
    /// The sequence number of the last event, 0 when the log is empty.
    public func lastSequence() async throws -> Int64 {
        try await perform("cannot read the last sequence") {
            try await pool.read { db in try Self.lastSequence(db) }
        }
    }

    /// How many events the log holds.
    public func count() async throws -> Int {
        try await perform("cannot count events") {
            try await pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0
            }
        }
    }

    /// Up to `limit` events with sequence numbers above `sequence`, in order.
    ///
    /// Reads with a GRDB cursor over a cached statement, in one read transaction.
    public func events(after sequence: Int64, limit: Int) async throws -> [RecordedEvent] {
        try await perform("cannot read events after \(sequence)") {
            try Self.check(limit: limit)
            guard limit > 0 else { return [] }
            return try await pool.read { db in
                try Self.fetchEvents(
                    db, sql: SQLiteSchema.selectEventsAfter,
                    arguments: [sequence, Int64(clamping: limit)], limit: limit)
            }
        }
    }

    /// Up to `limit` events about `subject` with sequence numbers above `sequence`, in order.
    public func events(
        subject: String, after sequence: Int64, limit: Int
    ) async throws -> [RecordedEvent] {
        try await perform("cannot read events about \(subject)") {
            try Self.check(limit: limit)
            guard limit > 0 else { return [] }
            return try await pool.read { db in
                try Self.fetchEvents(
                    db, sql: SQLiteSchema.selectEventsBySubject,
                    arguments: [subject, sequence, Int64(clamping: limit)], limit: limit)
            }
        }
    }

    /// The last sequence number, read on `db`.
    static func lastSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: SQLiteSchema.selectLastSequence)) ?? 0
    }

    private static func check(limit: Int) throws {
        guard limit >= 0 else {
            throw StoreError(.invalidArgument, "the limit \(limit) is negative")
        }
    }

    private static func fetchEvents(
        _ db: Database, sql: String, arguments: StatementArguments, limit: Int
    ) throws -> [RecordedEvent] {
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var events: [RecordedEvent] = []
        events.reserveCapacity(min(limit, 4096))
        while let row = try rows.next() {
            events.append(try RecordedEvent(row: row))
        }
        return events
    }
}
