import Foundation

/// An event ready to be appended to the log, before it has a sequence number.
///
/// The store treats ``payload`` as opaque bytes (JSON by convention); only the
/// metadata around it is interpreted, so that the store never depends on the
/// domain module.
///
/// Dates are stored as whole Unix milliseconds: ``recordedAt`` comes back from
/// the store rounded to the nearest millisecond.
public struct PendingEvent: Sendable, Hashable {
    /// When the event was decided (the ledger's clock, which may be virtual).
    public var recordedAt: Date
    /// Who caused the event.
    public var actor: EventActor
    /// The id of the command that produced the event; events of one command share it.
    public var commandID: String
    /// The event's type, for example "progressReported". Must not be empty.
    public var kind: String
    /// What the event is about (for example a measure id), indexed for audit queries.
    public var subject: String?
    /// The encoded event, JSON by convention. Stored as a BLOB, byte for byte.
    public var payload: Data

    /// Creates an event ready to be appended.
    ///
    /// - Parameters:
    ///   - recordedAt: When the event was decided.
    ///   - actor: Who caused the event.
    ///   - commandID: The id of the command that produced the event.
    ///   - kind: The event's type; must not be empty.
    ///   - subject: What the event is about, if anything in particular.
    ///   - payload: The encoded event.
    public init(
        recordedAt: Date, actor: EventActor, commandID: String, kind: String,
        subject: String? = nil, payload: Data
    ) {
        self.recordedAt = recordedAt
        self.actor = actor
        self.commandID = commandID
        self.kind = kind
        self.subject = subject
        self.payload = payload
    }
}
