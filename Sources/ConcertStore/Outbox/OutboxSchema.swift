/// The outbox's table and statements, in the same database as the event log.
///
/// Unlike `events`, `notices` is mutable: a row's delivery state changes. The cursor (the last
/// event whose notices are in the table) is one row beside them, written in the same
/// transaction as the notices, so composing an event's notices happens exactly once.
enum OutboxSchema {
    static let createNotices = """
        CREATE TABLE notices (
            number          INTEGER PRIMARY KEY,
            id              TEXT    NOT NULL UNIQUE CHECK (id <> ''),
            recipient       TEXT    NOT NULL,
            kind            TEXT    NOT NULL,
            subject_id      TEXT    NOT NULL,
            subject_line    TEXT    NOT NULL,
            sequence        INTEGER NOT NULL,
            created         INTEGER NOT NULL,
            channel         TEXT    NOT NULL CHECK (channel <> ''),
            address         TEXT,
            file_name       TEXT    NOT NULL,
            not_before      INTEGER NOT NULL,
            status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_error      TEXT,
            next_attempt_at INTEGER,
            delivered_at    INTEGER,
            message         BLOB    NOT NULL
        ) STRICT;
        CREATE INDEX notices_pending ON notices (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX notices_by_recipient ON notices (recipient, number);
        CREATE INDEX notices_failed ON notices (number) WHERE status = 'failed';
        CREATE TABLE notice_cursor (
            id       INTEGER PRIMARY KEY CHECK (id = 1),
            sequence INTEGER NOT NULL CHECK (sequence >= 0)
        ) STRICT;
        INSERT INTO notice_cursor (id, sequence) VALUES (1, 0);
        """

    /// The `v3-digests` migration: the notice's part in a digest (set when it may go in one)
    /// and the digest that holds it (set when it is taken into one, before that is delivered).
    static let addDigests = """
        ALTER TABLE notices ADD COLUMN digest_part BLOB;
        ALTER TABLE notices ADD COLUMN digest TEXT CHECK (digest IS NULL OR digest <> '');
        CREATE INDEX notices_by_digest ON notices (digest) WHERE digest IS NOT NULL;
        """

    static let columns = """
        number, id, recipient, kind, subject_id, subject_line, sequence, created, channel, address, \
        file_name, not_before, status, attempts, last_error, next_attempt_at, delivered_at, message, \
        digest_part, digest
        """

    /// Inserts a notice unless one with its id is there already.
    static let insert = """
        INSERT INTO notices (id, recipient, kind, subject_id, subject_line, sequence, created, channel, \
        address, file_name, not_before, status, attempts, next_attempt_at, message, digest_part) \
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, COALESCE(?, X''), ?) \
        ON CONFLICT (id) DO NOTHING
        """

    static let advanceCursor = "UPDATE notice_cursor SET sequence = MAX(sequence, ?) WHERE id = 1"
    static let selectCursor = "SELECT sequence FROM notice_cursor WHERE id = 1"

    /// The earliest instant a pending notice becomes due.
    static let selectNextDue = """
        SELECT MIN(MAX(not_before, COALESCE(next_attempt_at, not_before))) FROM notices WHERE status = 'pending'
        """

    /// Pending notices due at an instant, earliest first.
    static let selectDue = """
        SELECT \(columns) FROM notices WHERE status = 'pending' \
        AND MAX(not_before, COALESCE(next_attempt_at, not_before)) <= ? \
        ORDER BY MAX(not_before, COALESCE(next_attempt_at, not_before)), number LIMIT ?
        """

    static let selectByID = "SELECT \(columns) FROM notices WHERE id = ?"

    static let markDelivered = """
        UPDATE notices SET status = 'delivered', attempts = attempts + 1, last_error = NULL, \
        next_attempt_at = NULL, delivered_at = ? WHERE id = ? AND status = 'pending'
        """

    static let markAttemptFailed = """
        UPDATE notices SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? \
        WHERE id = ? AND status = 'pending'
        """

    /// A redelivered notice leaves its digest: it goes again on its own or in a new one.
    static let markRedeliver = """
        UPDATE notices SET status = 'pending', attempts = 0, last_error = NULL, next_attempt_at = ?, \
        not_before = MIN(not_before, ?), delivered_at = NULL, digest = NULL WHERE id = ?
        """

    /// Takes a pending notice that may go in a digest, and is in none yet, into one.
    static let markInDigest = """
        UPDATE notices SET digest = ? WHERE id = ? AND status = 'pending' AND digest IS NULL \
        AND digest_part IS NOT NULL
        """

    /// Whether a notice can be taken into a digest (pending, may go in one, in none yet).
    static let selectDigestible = """
        SELECT status = 'pending' AND digest IS NULL AND digest_part IS NOT NULL FROM notices WHERE id = ?
        """

    static let selectInDigest = "SELECT \(columns) FROM notices WHERE digest = ? ORDER BY number"

}
