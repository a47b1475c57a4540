import Foundation

/// The durable outbox of notices: each event's notices are stored with the cursor in one
/// transaction, and each delivery attempt's outcome is recorded against its notice.
///
/// ``SQLiteNoticeOutbox`` keeps it in the event log's own database.
public protocol NoticeOutbox: Sendable {
    /// The last event whose notices are stored (0 before any).
    func cursor() async throws -> Int64

    /// Stores `notices` (skipping any whose id is there already) and moves the cursor to
    /// `sequence`, in one transaction.
    ///
    /// - Returns: The notices newly stored, as stored.
    @discardableResult
    func insert(_ notices: [OutboxNotice], through sequence: Int64) async throws -> [OutboxNotice]

    /// The notice with this id, if any.
    func notice(id: String) async throws -> OutboxNotice?

    /// Up to `limit` pending notices due at `instant`, earliest first.
    func due(at instant: Date, limit: Int) async throws -> [OutboxNotice]

    /// The earliest instant a pending notice becomes due, nil when none is pending.
    func nextDue() async throws -> Date?

    /// Records a delivery; nil when the notice is not pending (nothing changes).
    func recordDelivered(id: String, at instant: Date) async throws -> OutboxNotice?

    /// Records a failed attempt: pending again at `nextAttempt`, or `failed` when it is nil.
    /// Nil when the notice is not pending (nothing changes).
    func recordFailure(id: String, error: String, nextAttempt: Date?) async throws -> OutboxNotice?

    /// Takes the pending notices `ids`, all of which may go in a digest and none of which is in
    /// one yet, into the digest `digest`, in one transaction: all of them or, when one is not
    /// so (delivered, failed, or in another digest), none.
    ///
    /// - Returns: The notices in the digest, as stored; empty when none was taken.
    func assignDigest(_ digest: String, ids: [String]) async throws -> [OutboxNotice]

    /// The notices in the digest `digest`, in insertion order.
    func notices(inDigest digest: String) async throws -> [OutboxNotice]

    /// Records the delivery of several notices (a digest's) in one transaction.
    ///
    /// - Returns: Those that were pending, as now stored.
    func recordDelivered(ids: [String], at instant: Date) async throws -> [OutboxNotice]

    /// Records a failed attempt at several notices (a digest's) in one transaction: pending
    /// again at `nextAttempt`, or `failed` when it is nil.
    ///
    /// - Returns: Those that were pending, as now stored.
    func recordFailure(ids: [String], error: String, nextAttempt: Date?) async throws -> [OutboxNotice]

    /// Takes a notice back to pending, due at `instant`, with its attempts reset; nil when there
    /// is no such notice.
    func redeliver(id: String, at instant: Date) async throws -> OutboxNotice?

    /// Notices in insertion order after `number`, optionally one recipient's or one status's.
    func list(recipient: String?, status: OutboxNotice.Status?, after number: Int64, limit: Int) async throws
        -> [OutboxNotice]
}
