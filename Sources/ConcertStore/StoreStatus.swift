/// What a status command shows about the store.
public struct StoreStatus: Sendable, Hashable {
    /// The backend's name, e.g. "sqlite".
    public var backend: String
    /// Where the data lives (for SQLite, the database file's path).
    public var location: String
    /// The last schema migration applied, e.g. "v1-snapshots"; nil for an empty database.
    public var schemaVersion: String?
    /// Every schema migration applied to the database, in order.
    public var appliedMigrations: [String]
    /// Every schema migration this build knows, in order.
    public var knownMigrations: [String]
    /// How many events the log holds.
    public var eventCount: Int
    /// The sequence number of the last event, 0 when the log is empty.
    public var lastSequence: Int64
    /// The sequence numbers of the stored snapshots, newest first (valid or not).
    public var snapshotSequences: [Int64]
    /// Backend-specific settings, e.g. "journal_mode": "wal", "synchronous": "2".
    public var settings: [String: String]

    /// Creates a status report.
    public init(
        backend: String, location: String, schemaVersion: String?, appliedMigrations: [String],
        knownMigrations: [String], eventCount: Int, lastSequence: Int64,
        snapshotSequences: [Int64], settings: [String: String]
    ) {
        self.backend = backend
        self.location = location
        self.schemaVersion = schemaVersion
        self.appliedMigrations = appliedMigrations
        self.knownMigrations = knownMigrations
        self.eventCount = eventCount
        self.lastSequence = lastSequence
        self.snapshotSequences = snapshotSequences
        self.settings = settings
    }
}
