import Foundation
import GRDB

/// The notice outbox in the event log's SQLite database (the `notices` and `notice_cursor`
/// tables of the `v2-notices` migration, with the digest columns of `v3-digests`), sharing the store's writer and readers.
///
/// Every write is one short transaction on the store's writer connection, so it is serialised
/// with the ledger's appends and fsynced like them; reads run on the reader pool.
public final class SQLiteNoticeOutbox: NoticeOutbox {
    private let store: SQLiteEventStore

    /// The outbox of an open store.
    public init(store: SQLiteEventStore) {
        self.store = store
    }

    public func cursor() async throws -> Int64 {
        try await store.perform("cannot read the notice cursor") {
            try await store.pool.read { db in try Int64.fetchOne(db, sql: OutboxSchema.selectCursor) ?? 0 }
        }
    }

    @discardableResult
    public func insert(_ notices: [OutboxNotice], through sequence: Int64) async throws -> [OutboxNotice] {
        try await store.perform("cannot store the notices of event \(sequence)") {
            let rows: [StatementArguments] = try notices.map { notice in
                let created = try UnixMillis.millis(notice.created, of: "the notice's creation")
                let notBefore = try UnixMillis.millis(notice.notBefore, of: "the notice's hold")
                let next = try UnixMillis.millis(notice.nextAttemptAt ?? notice.notBefore, of: "the notice's next attempt")
                return [
                    notice.id, notice.recipient, notice.kind, notice.subjectID, notice.subjectLine, notice.sequence,
                    created, notice.channel, notice.address, notice.fileName, notBefore, next, notice.message,
                    notice.digestPart,
                ]
            }
            let ids = notices.map(\.id)
            return try await store.pool.write { db in
                var inserted: [String] = []
                for (id, row) in zip(ids, rows) {
                    try db.cachedStatement(sql: OutboxSchema.insert).execute(arguments: row)
                    if db.changesCount > 0 { inserted.append(id) }
                }
                try db.execute(sql: OutboxSchema.advanceCursor, arguments: [sequence])
                return try inserted.compactMap { try Self.fetch(db, id: $0) }
            }
        }
    }

    public func notice(id: String) async throws -> OutboxNotice? {
        try await store.perform("cannot read notice \(id)") {
            try await store.pool.read { db in try Self.fetch(db, id: id) }
        }
    }

    public func due(at instant: Date, limit: Int) async throws -> [OutboxNotice] {
        try await store.perform("cannot read the notices due") {
            let millis = try UnixMillis.millis(instant, of: "the instant")
            return try await store.pool.read { db in
                try Row.fetchAll(db, sql: OutboxSchema.selectDue, arguments: [millis, Int64(max(0, limit))])
                    .map(Self.notice(row:))
            }
        }
    }

    public func nextDue() async throws -> Date? {
        try await store.perform("cannot read the next notice due") {
            try await store.pool.read { db in
                try Int64.fetchOne(db, sql: OutboxSchema.selectNextDue).map(UnixMillis.date)
            }
        }
    }

    public func recordDelivered(id: String, at instant: Date) async throws -> OutboxNotice? {
        try await store.perform("cannot record the delivery of notice \(id)") {
            let millis = try UnixMillis.millis(instant, of: "the delivery")
            return try await store.pool.write { db in
                try db.execute(sql: OutboxSchema.markDelivered, arguments: [millis, id])
                return db.changesCount > 0 ? try Self.fetch(db, id: id) : nil
            }
        }
    }

    public func recordFailure(id: String, error: String, nextAttempt: Date?) async throws -> OutboxNotice? {
        try await store.perform("cannot record a failed attempt at notice \(id)") {
            let next = try nextAttempt.map { try UnixMillis.millis($0, of: "the next attempt") }
            let status: OutboxNotice.Status = next == nil ? .failed : .pending
            return try await store.pool.write { db in
                try db.execute(sql: OutboxSchema.markAttemptFailed, arguments: [status.rawValue, error, next, id])
                return db.changesCount > 0 ? try Self.fetch(db, id: id) : nil
            }
        }
    }

    public func assignDigest(_ digest: String, ids: [String]) async throws -> [OutboxNotice] {
        try await store.perform("cannot take notices into digest \(digest)") {
            let unique = Array(Set(ids))
            return try await store.pool.write { db in
                // All or none: first check that every one of them can go in.
                for id in unique {
                    let free = try Bool.fetchOne(db, sql: OutboxSchema.selectDigestible, arguments: [id]) ?? false
                    if !free { return [] }
                }
                guard !unique.isEmpty else { return [] }
                for id in unique {
                    try db.cachedStatement(sql: OutboxSchema.markInDigest).execute(arguments: [digest, id])
                }
                return try Row.fetchAll(db, sql: OutboxSchema.selectInDigest, arguments: [digest]).map(Self.notice(row:))
            }
        }
    }

    public func notices(inDigest digest: String) async throws -> [OutboxNotice] {
        try await store.perform("cannot read digest \(digest)") {
            try await store.pool.read { db in
                try Row.fetchAll(db, sql: OutboxSchema.selectInDigest, arguments: [digest]).map(Self.notice(row:))
            }
        }
    }

    public func recordDelivered(ids: [String], at instant: Date) async throws -> [OutboxNotice] {
        try await store.perform("cannot record the delivery of \(ids.count) notices") {
            let millis = try UnixMillis.millis(instant, of: "the delivery")
            return try await store.pool.write { db in
                var changed: [String] = []
                for id in ids {
                    try db.cachedStatement(sql: OutboxSchema.markDelivered).execute(arguments: [millis, id])
                    if db.changesCount > 0 { changed.append(id) }
                }
                return try changed.compactMap { try Self.fetch(db, id: $0) }
            }
        }
    }

    public func recordFailure(ids: [String], error: String, nextAttempt: Date?) async throws -> [OutboxNotice] {
        try await store.perform("cannot record a failed attempt at \(ids.count) notices") {
            let next = try nextAttempt.map { try UnixMillis.millis($0, of: "the next attempt") }
            let status: OutboxNotice.Status = next == nil ? .failed : .pending
            return try await store.pool.write { db in
                var changed: [String] = []
                for id in ids {
                    try db.cachedStatement(sql: OutboxSchema.markAttemptFailed)
                        .execute(arguments: [status.rawValue, error, next, id])
                    if db.changesCount > 0 { changed.append(id) }
                }
                return try changed.compactMap { try Self.fetch(db, id: $0) }
            }
        }
    }

    public func redeliver(id: String, at instant: Date) async throws -> OutboxNotice? {
        try await store.perform("cannot redeliver notice \(id)") {
            let millis = try UnixMillis.millis(instant, of: "the redelivery")
            return try await store.pool.write { db in
                try db.execute(sql: OutboxSchema.markRedeliver, arguments: [millis, millis, id])
                return db.changesCount > 0 ? try Self.fetch(db, id: id) : nil
            }
        }
    }

    public func list(
        recipient: String?, status: OutboxNotice.Status?, after number: Int64, limit: Int
    ) async throws -> [OutboxNotice] {
        try await store.perform("cannot list notices") {
            var sql = "SELECT \(OutboxSchema.columns) FROM notices WHERE number > ?"
            var arguments: StatementArguments = [number]
            if let recipient {
                sql += " AND recipient = ?"
                arguments += [recipient]
            }
            if let status {
                sql += " AND status = ?"
                arguments += [status.rawValue]
            }
            sql += " ORDER BY number LIMIT ?"
            arguments += [Int64(max(0, limit))]
            let bound = arguments
            let query = sql
            return try await store.pool.read { db in
                try Row.fetchAll(db, sql: query, arguments: bound).map(Self.notice(row:))
            }
        }
    }

    private static func fetch(_ db: Database, id: String) throws -> OutboxNotice? {
        try Row.fetchOne(db, sql: OutboxSchema.selectByID, arguments: [id]).map(notice(row:))
    }

    /// A notice from a row of `OutboxSchema.columns`.
    private static func notice(row: Row) throws -> OutboxNotice {
        let statusText: String = row["status"]
        guard let status = OutboxNotice.Status(rawValue: statusText) else {
            throw StoreError(.corrupt, "notice \(row["id"] as String? ?? "?") has an unknown status '\(statusText)'")
        }
        let next: Int64? = row["next_attempt_at"]
        let delivered: Int64? = row["delivered_at"]
        let attempts: Int64 = row["attempts"]
        return OutboxNotice(
            id: row["id"], recipient: row["recipient"], kind: row["kind"], subjectID: row["subject_id"],
            subjectLine: row["subject_line"], sequence: row["sequence"], created: UnixMillis.date(row["created"]),
            channel: row["channel"], address: row["address"], fileName: row["file_name"],
            notBefore: UnixMillis.date(row["not_before"]), message: row["message"], number: row["number"],
            status: status, attempts: Int(attempts), lastError: row["last_error"],
            nextAttemptAt: next.map(UnixMillis.date), deliveredAt: delivered.map(UnixMillis.date),
            digestPart: row["digest_part"], digest: row["digest"])
    }
}
