/// An append-only log of events with snapshots of its fold.
///
/// One writer (the ledger) appends; anyone may read. Every method is safe to
/// call from any task, and none blocks a thread of Swift's cooperative pool.
/// Errors are ``StoreError``, except `CancellationError` when the calling task
/// is cancelled before the work is done (an append then writes nothing).
///
/// ``SQLiteEventStore`` is the implementation for a single machine; a
/// PostgreSQL backend for active/standby pairs is meant to join behind this
/// protocol, which is why payloads are opaque bytes.
public protocol EventStore: Sendable {
    /// Appends a batch of events in one transaction and returns them with their sequence numbers.
    ///
    /// This is the group-commit primitive: the caller gathers the events of
    /// many commands into one call, which costs one durable commit (one fsync).
    /// The batch is all or nothing: when any event is refused, none is written.
    /// The method returns only after the transaction is committed to disk.
    ///
    /// - Parameter batch: The events, in the order they are to be logged. An
    ///   empty batch writes nothing and returns an empty array.
    /// - Returns: The events as recorded, in order, with consecutive sequence
    ///   numbers and dates rounded to the millisecond.
    @discardableResult
    func append(_ batch: [PendingEvent]) async throws -> [RecordedEvent]

    /// The sequence number of the last event, 0 when the log is empty.
    func lastSequence() async throws -> Int64

    /// How many events the log holds.
    func count() async throws -> Int

    /// Up to `limit` events with sequence numbers above `sequence`, in order.
    ///
    /// - Parameters:
    ///   - sequence: Exclusive lower bound; 0 to start at the first event.
    ///   - limit: The largest number of events to return; must not be negative.
    func events(after sequence: Int64, limit: Int) async throws -> [RecordedEvent]

    /// Up to `limit` events about `subject` with sequence numbers above `sequence`, in order.
    ///
    /// - Parameters:
    ///   - subject: The subject to match exactly.
    ///   - sequence: Exclusive lower bound; 0 to start at the first event.
    ///   - limit: The largest number of events to return; must not be negative.
    func events(subject: String, after sequence: Int64, limit: Int) async throws -> [RecordedEvent]

    /// Saves a snapshot with a checksum, replacing any at the same sequence,
    /// and prunes the oldest ones beyond the number the store keeps.
    ///
    /// - Throws: ``StoreError/Code/invalidArgument`` when the snapshot's
    ///   sequence is negative or beyond the last event.
    func saveSnapshot(_ snapshot: Snapshot) async throws

    /// The newest snapshot whose checksum verifies and whose sequence is not
    /// beyond the last event, with the newer ones that were passed over.
    ///
    /// A damaged snapshot is never returned.
    func latestValidSnapshot() async throws -> SnapshotLoad

    /// Deletes the snapshots whose checksums do not verify.
    ///
    /// - Returns: The sequence numbers of the deleted snapshots, newest first.
    @discardableResult
    func deleteDamagedSnapshots() async throws -> [Int64]

    /// What a status command shows: schema version, counts, settings.
    func status() async throws -> StoreStatus

    /// Writes a consistent copy of the whole store to a new file at `path`,
    /// while appends go on.
    ///
    /// - Throws: ``StoreError/Code/invalidArgument`` when a file exists at `path`;
    ///   ``StoreError/Code/backupFailed`` when the copy cannot be written.
    func backup(to path: String) async throws

    /// Closes the store. Later calls throw ``StoreError/Code/closed``.
    ///
    /// Waits for the operations already running to finish.
    func close() async throws
}
