import Foundation

/// An event as it stands in the log: a ``PendingEvent`` with its sequence number.
///
/// Sequence numbers start at 1 and are strictly increasing and gap-free.
public struct RecordedEvent: Sendable, Hashable {
    /// The event's position in the log, from 1.
    public var sequence: Int64
    /// When the event was decided, rounded to the millisecond.
    public var recordedAt: Date
    /// Who caused the event.
    public var actor: EventActor
    /// The id of the command that produced the event.
    public var commandID: String
    /// The event's type, for example "progressReported".
    public var kind: String
    /// What the event is about (for example a measure id), if anything in particular.
    public var subject: String?
    /// The encoded event, byte for byte as appended.
    public var payload: Data

    /// Creates a recorded event from its parts.
    public init(
        sequence: Int64, recordedAt: Date, actor: EventActor, commandID: String,
        kind: String, subject: String?, payload: Data
    ) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.actor = actor
        self.commandID = commandID
        self.kind = kind
        self.subject = subject
        self.payload = payload
    }

    /// Creates a recorded event from a pending one and its sequence number.
    ///
    /// The date is taken as is; the store itself rounds it to the millisecond.
    public init(sequence: Int64, pending: PendingEvent) {
        self.init(
            sequence: sequence, recordedAt: pending.recordedAt, actor: pending.actor,
            commandID: pending.commandID, kind: pending.kind, subject: pending.subject,
            payload: pending.payload)
    }

    /// The event without its sequence number.
    public var pending: PendingEvent {
        PendingEvent(
            recordedAt: recordedAt, actor: actor, commandID: commandID, kind: kind,
            subject: subject, payload: payload)
    }
}
