import Foundation
import GRDB

extension SQLiteEventStore {
    /// Creates the directory, opens the pool in WAL mode with
    /// `synchronous = FULL` and a busy timeout, and checks the journal mode.
    static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                .cannotOpen,
                "cannot create the directory \(directory.path) for \(path): "
                    + error.localizedDescription, underlying: error)
        }

        var grdb = GRDB.Configuration()
        grdb.label = "concert.store"
        grdb.journalMode = .wal
        grdb.busyMode = .timeout(seconds(configuration.busyTimeout))
        grdb.maximumReaderCount = max(1, configuration.maximumReaderCount)
        grdb.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }

        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: grdb)
        } catch {
            throw StoreError.wrapping(
                error, action: "cannot open the database at \(path)", fallback: .cannotOpen)
        }
        do {
            // GRDB sets `synchronous = NORMAL` on the writer when it enables
            // WAL, after `prepareDatabase`: set FULL again, so that every
            // commit is fsynced before `append` returns.
            let journalMode = try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try String.fetchOne(db, sql: "PRAGMA journal_mode")
            }
            guard journalMode?.lowercased() == "wal" else {
                throw StoreError(
                    .cannotOpen,
                    "cannot open the database at \(path): journal mode is "
                        + "\(journalMode ?? "unknown"), not wal")
            }
        } catch {
            try? pool.close()
            throw StoreError.wrapping(
                error, action: "cannot open the database at \(path)", fallback: .cannotOpen)
        }
        return pool
    }

    /// Refuses a database that records migrations this build does not know.
    static func refuseNewerSchema(_ pool: DatabasePool, path: String) throws {
        let applied: Set<String>
        do {
            applied = try pool.read { db in try SQLiteSchema.migrator.appliedIdentifiers(db) }
        } catch {
            throw StoreError.wrapping(
                error, action: "cannot read the schema version of \(path)", fallback: .corrupt)
        }
        let unknown = applied.subtracting(SQLiteSchema.knownMigrations).sorted()
        guard unknown.isEmpty else {
            throw StoreError(
                .schemaTooNew,
                "the database at \(path) was migrated by a newer build: it has migrations "
                    + "\(unknown.joined(separator: ", ")) that this build does not know "
                    + "(it knows \(SQLiteSchema.knownMigrations.joined(separator: ", ")))")
        }
    }

    /// Applies the migrations the database lacks.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        do {
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw StoreError.wrapping(
                error, action: "cannot migrate the schema of \(path)", fallback: .migrationFailed)
        }
    }

    /// Refuses a database whose append-only triggers were dropped behind the
    /// store's back (with the sqlite3 shell, say): its history can no longer
    /// be trusted to be unrewritten, and appending to it would hide that.
    static func checkAppendOnly(_ pool: DatabasePool, path: String) throws {
        let present: Set<String>
        do {
            present = try pool.read { db in
                try String.fetchSet(
                    db,
                    sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
            }
        } catch {
            throw StoreError.wrapping(
                error, action: "cannot read the schema of \(path)", fallback: .corrupt)
        }
        let missing = SQLiteSchema.appendOnlyTriggers.filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw StoreError(
                .corrupt,
                "the database at \(path) lacks the triggers that keep the log append-only "
                    + "(\(missing.joined(separator: ", "))): it was altered outside the store")
        }
    }

    /// A duration in seconds, as GRDB's busy timeout wants it.
    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return max(0, TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
