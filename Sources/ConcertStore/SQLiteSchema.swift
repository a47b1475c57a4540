import GRDB

/// The SQLite schema of the store, as a list of named migrations, and the SQL
/// the store runs against it.
///
/// Migrations are append-only too: never edit or remove a registered one;
/// add "v2-..." instead. A database that records a migration this list does
/// not hold was written by a newer build and is refused.
enum SQLiteSchema {
    /// The migrator; it never erases the database on schema change.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.eraseDatabaseOnSchemaChange = false
        migrator.registerMigration("v1-events") { db in
            try db.execute(sql: createEvents)
        }
        migrator.registerMigration("v1-snapshots") { db in
            try db.execute(sql: createSnapshots)
        }
        migrator.registerMigration("v2-notices") { db in
            try db.execute(sql: OutboxSchema.createNotices)
        }
        migrator.registerMigration("v3-digests") { db in
            try db.execute(sql: OutboxSchema.addDigests)
        }
        return migrator
    }()

    /// The triggers that keep the events table append-only; the store refuses
    /// to open a database that lacks any of them.
    static let appendOnlyTriggers = [
        "events_refuse_delete", "events_refuse_overwrite", "events_refuse_update",
    ]

    /// The identifiers of the migrations this build knows, in order.
    static var knownMigrations: [String] { migrator.migrations }

    /// The events table: one compact row per event, dates in Unix milliseconds,
    /// payload as a BLOB. Triggers abort UPDATE, DELETE, and an INSERT that
    /// would replace an existing event (`INSERT OR REPLACE` deletes without
    /// firing delete triggers unless recursive triggers are on).
    static let createEvents = """
        CREATE TABLE events (
            sequence    INTEGER PRIMARY KEY,
            recorded_at INTEGER NOT NULL,
            actor_kind  TEXT    NOT NULL CHECK (actor_kind IN ('user', 'agent')),
            actor_uid   INTEGER CHECK (actor_uid BETWEEN 0 AND 4294967295),
            actor_name  TEXT    NOT NULL,
            actor_role  TEXT,
            command_id  TEXT    NOT NULL,
            kind        TEXT    NOT NULL CHECK (kind <> ''),
            subject     TEXT,
            payload     BLOB    NOT NULL
        ) STRICT;
        CREATE INDEX events_by_subject ON events (subject, sequence) WHERE subject IS NOT NULL;
        CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
        BEGIN
            SELECT RAISE(ABORT, 'events are append-only: UPDATE refused');
        END;
        CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
        BEGIN
            SELECT RAISE(ABORT, 'events are append-only: DELETE refused');
        END;
        CREATE TRIGGER events_refuse_overwrite BEFORE INSERT ON events
        WHEN NEW.sequence IS NOT NULL
            AND EXISTS (SELECT 1 FROM events WHERE sequence = NEW.sequence)
        BEGIN
            SELECT RAISE(ABORT, 'events are append-only: overwrite refused');
        END;
        """

    /// The snapshots table: at most one snapshot per sequence, with a CRC-32
    /// of its sequence, date, format version and state.
    static let createSnapshots = """
        CREATE TABLE snapshots (
            sequence       INTEGER PRIMARY KEY,
            created_at     INTEGER NOT NULL,
            format_version INTEGER NOT NULL,
            state          BLOB    NOT NULL,
            checksum       INTEGER NOT NULL
        ) STRICT;
        """

    /// The columns of a ``RecordedEvent``, in the order `RecordedEvent.init(row:)` reads them.
    static let eventColumns = """
        sequence, recorded_at, actor_kind, actor_uid, actor_name, actor_role, command_id, \
        kind, subject, payload
        """

    /// Inserts one event; SQLite assigns the next sequence number.
    ///
    /// `COALESCE` turns the NULL SQLite binds for an empty `Data` into an empty BLOB.
    static let insertEvent = """
        INSERT INTO events (recorded_at, actor_kind, actor_uid, actor_name, actor_role, \
        command_id, kind, subject, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, X''))
        """

    /// Events after a sequence, in order.
    static let selectEventsAfter = """
        SELECT \(eventColumns) FROM events WHERE sequence > ? ORDER BY sequence LIMIT ?
        """

    /// Events about a subject after a sequence, in order.
    static let selectEventsBySubject = """
        SELECT \(eventColumns) FROM events WHERE subject = ? AND sequence > ? \
        ORDER BY sequence LIMIT ?
        """

    /// The last sequence number, 0 when empty.
    static let selectLastSequence = "SELECT COALESCE(MAX(sequence), 0) FROM events"

    /// Inserts or replaces a snapshot.
    static let upsertSnapshot = """
        INSERT OR REPLACE INTO snapshots (sequence, created_at, format_version, state, checksum) \
        VALUES (?, ?, ?, COALESCE(?, X''), ?)
        """

    /// Deletes every snapshot but the `?` newest.
    static let pruneSnapshots = """
        DELETE FROM snapshots WHERE sequence NOT IN \
        (SELECT sequence FROM snapshots ORDER BY sequence DESC LIMIT ?)
        """

    /// Every snapshot, newest first.
    static let selectSnapshots = """
        SELECT sequence, created_at, format_version, state, checksum FROM snapshots \
        ORDER BY sequence DESC
        """
}
