/// The outcome of looking for a snapshot to start from.
///
/// ``snapshot`` is the newest snapshot whose checksum verifies and whose
/// sequence is not beyond the last event; ``skipped`` lists, newest first,
/// the newer ones passed over and why, so the daemon can log them.
public struct SnapshotLoad: Sendable, Hashable {
    /// The snapshot to start from, or nil to replay the whole log.
    public var snapshot: Snapshot?
    /// Newer snapshots that were passed over, newest first.
    public var skipped: [SkippedSnapshot]

    /// Creates a result.
    public init(snapshot: Snapshot?, skipped: [SkippedSnapshot]) {
        self.snapshot = snapshot
        self.skipped = skipped
    }

    /// The skipped snapshots that are damaged (not merely ahead of the log).
    public var damaged: [SkippedSnapshot] {
        skipped.filter(\.isDamaged)
    }
}
