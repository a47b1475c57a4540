import Foundation
import GRDB

extension SQLiteEventStore {
    /// The schema migrations applied to the database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await perform("cannot read the applied migrations") {
            try await pool.read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
        }
    }

    /// The last schema migration applied, e.g. "v1-snapshots".
    public func schemaVersion() async throws -> String? {
        try await appliedMigrations().last
    }

    /// What a status command shows: schema version, counts, SQLite settings.
    ///
    /// `settings` holds "journal_mode", "synchronous" (2 is FULL) and
    /// "busy_timeout_ms" as seen by the writer connection, and "sqlite_version",
    /// "page_size", "page_count".
    public func status() async throws -> StoreStatus {
        try await perform("cannot read the store's status") {
            let writerSettings = try await pool.writeWithoutTransaction { db in
                [
                    "journal_mode": try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                    "synchronous": try String.fetchOne(db, sql: "PRAGMA synchronous") ?? "",
                    "busy_timeout_ms": try String.fetchOne(db, sql: "PRAGMA busy_timeout") ?? "",
                ]
            }
            return try await pool.read { [path] db in
                let applied = try SQLiteSchema.migrator.appliedMigrations(db)
                var settings = writerSettings
                settings["sqlite_version"] = try String.fetchOne(db, sql: "SELECT sqlite_version()")
                settings["page_size"] = try String.fetchOne(db, sql: "PRAGMA page_size")
                settings["page_count"] = try String.fetchOne(db, sql: "PRAGMA page_count")
                return StoreStatus(
                    backend: "sqlite", location: path, schemaVersion: applied.last,
                    appliedMigrations: applied, knownMigrations: SQLiteSchema.knownMigrations,
                    eventCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                    lastSequence: try Self.lastSequence(db),
                    snapshotSequences: try Int64.fetchAll(
                        db, sql: "SELECT sequence FROM snapshots ORDER BY sequence DESC"),
                    settings: settings)
            }
        }
    }
}
