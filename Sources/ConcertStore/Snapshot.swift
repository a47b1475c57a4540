import Foundation

/// A fold of the log up to and including one event, saved to speed up start-up.
///
/// The store does not interpret ``state``; ``formatVersion`` lets the daemon
/// recognise an encoding it no longer reads and rebuild from the log instead.
/// ``createdAt`` is stored as whole Unix milliseconds.
public struct Snapshot: Sendable, Hashable {
    /// The sequence number of the last event folded into ``state``.
    public var sequence: Int64
    /// When the snapshot was taken, rounded to the millisecond by the store.
    public var createdAt: Date
    /// The version of the encoding of ``state``, chosen by the daemon.
    public var formatVersion: Int
    /// The encoded state.
    public var state: Data

    /// Creates a snapshot.
    ///
    /// - Parameters:
    ///   - sequence: The sequence number of the last event folded into `state`.
    ///   - createdAt: When the snapshot was taken.
    ///   - formatVersion: The version of the encoding of `state`.
    ///   - state: The encoded state.
    public init(sequence: Int64, createdAt: Date, formatVersion: Int, state: Data) {
        self.sequence = sequence
        self.createdAt = createdAt
        self.formatVersion = formatVersion
        self.state = state
    }
}
