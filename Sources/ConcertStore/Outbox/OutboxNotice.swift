import Foundation

/// One notice in the outbox: who it is for, what it is about, the message itself, and where
/// its delivery stands.
///
/// The outbox knows nothing of plans or mail formats: a notice is opaque message bytes with the
/// few fields needed to route it, schedule it and show it.
public struct OutboxNotice: Hashable, Sendable {
    /// Where a notice's delivery stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Waiting for its first or next attempt.
        case pending
        /// Handed to its channel.
        case delivered
        /// Given up after the attempt limit or a permanent refusal (the dead-letter state);
        /// only a redelivery takes it back to pending.
        case failed
    }

    /// Stable and derived from the notice (its Message-ID): the same event gives the same id.
    public var id: String
    /// The outbox's own order of insertion, for paging; 0 before it is stored.
    public var number: Int64
    public var recipient: String
    /// `convocation`, `update`, `cancellation`, `task`, ...
    public var kind: String
    /// What it is about: a meeting's or a task's id.
    public var subjectID: String
    /// The message's subject line.
    public var subjectLine: String
    /// The event it comes from.
    public var sequence: Int64
    /// When its event was recorded.
    public var created: Date
    /// `maildir` or `smtp`.
    public var channel: String
    /// The recipient's e-mail address, when it has one (SMTP needs it).
    public var address: String?
    /// A name unique per recipient, for a Maildir file.
    public var fileName: String
    /// Not to be delivered before this instant (quiet hours).
    public var notBefore: Date
    public var status: Status
    /// Attempts made since it was created or last redelivered.
    public var attempts: Int
    public var lastError: String?
    /// When the next attempt is due (for a pending notice).
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?
    /// The serialized message, sent byte for byte on every attempt.
    public var message: Data
    /// The notice's part in a digest (opaque to the outbox): set when it may be grouped with the
    /// recipient's other notices due at the same time into one digest message; nil for a notice
    /// that always goes on its own.
    public var digestPart: Data?
    /// The Message-ID of the digest that holds it, once it is taken into one (a notice is in
    /// at most one); nil for a notice sent on its own.
    public var digest: String?

    public init(
        id: String, recipient: String, kind: String, subjectID: String, subjectLine: String, sequence: Int64,
        created: Date, channel: String, address: String?, fileName: String, notBefore: Date, message: Data,
        number: Int64 = 0, status: Status = .pending, attempts: Int = 0, lastError: String? = nil,
        nextAttemptAt: Date? = nil, deliveredAt: Date? = nil, digestPart: Data? = nil, digest: String? = nil
    ) {
        self.id = id
        self.number = number
        self.recipient = recipient
        self.kind = kind
        self.subjectID = subjectID
        self.subjectLine = subjectLine
        self.sequence = sequence
        self.created = created
        self.channel = channel
        self.address = address
        self.fileName = fileName
        self.notBefore = notBefore
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt ?? (status == .pending ? notBefore : nil)
        self.deliveredAt = deliveredAt
        self.message = message
        self.digestPart = digestPart
        self.digest = digest
    }

    /// When it may next be attempted: the later of its quiet-hours hold and its next attempt.
    public var due: Date? {
        guard status == .pending else { return nil }
        return max(notBefore, nextAttemptAt ?? notBefore)
    }
}
