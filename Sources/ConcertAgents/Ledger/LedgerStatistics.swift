import Foundation

/// Live figures about the ledger, for status and benchmarks.
public struct LedgerStatistics: Hashable, Sendable, Codable {
    public var lastSequence: Int64
    /// Commands committed since start.
    public var commandsCommitted: Int
    /// Commands refused by `decide` since start.
    public var commandsRefused: Int
    /// Write transactions (each one fsync) since start.
    public var transactions: Int
    /// Events replayed from the log at start, after the snapshot.
    public var eventsReplayed: Int
    /// The snapshot start-up began from (0 for none).
    public var startedFromSnapshot: Int64
    public var lastSnapshot: Int64
    public var subscribers: Int
    public var pendingCommands: Int

    /// Average commands per transaction: what group commit buys.
    public var commandsPerTransaction: Double {
        transactions == 0 ? 0 : Double(commandsCommitted) / Double(transactions)
    }
}
