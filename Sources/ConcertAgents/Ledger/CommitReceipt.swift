import ConcertCore
import Foundation

/// What the ledger answers once a command's events are on disk.
public struct CommitReceipt: Hashable, Sendable {
    public var commandID: String
    /// The recorded events, in order, with their sequence numbers.
    public var events: [RecordedPlanEvent]
    /// How many commands shared the transaction (group commit).
    public var batchSize: Int
}
