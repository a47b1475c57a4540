import ConcertCore
import ConcertStore
import Foundation

extension PendingEvent {
    /// The row the log stores for a plan event caused by `envelope`.
    init(event: PlanEvent, envelope: CommandEnvelope, at: Date) throws {
        self.init(
            recordedAt: at, actor: EventActor(envelope.author), commandID: envelope.id, kind: event.kind,
            subject: event.subject, payload: try event.encodedPayload())
    }
}

extension EventActor {
    init(_ author: Author) {
        self.init(
            kind: author.kind == .agent ? .agent : .user, uid: author.uid, name: author.name,
            role: author.role.rawValue)
    }
}

extension Author {
    init(_ actor: EventActor) {
        self.init(
            kind: actor.kind == .agent ? .agent : .user, uid: actor.uid, name: actor.name,
            role: actor.role.flatMap(Role.init(rawValue:)) ?? (actor.kind == .agent ? .agent : .observer))
    }
}

extension RecordedPlanEvent {
    /// Rebuilds a plan event from a stored row.
    public init(_ row: RecordedEvent) throws {
        self.init(
            sequence: row.sequence, recordedAt: row.recordedAt, author: Author(row.actor),
            commandID: row.commandID, event: try PlanEvent.decode(kind: row.kind, payload: row.payload))
    }
}

extension RecordedEvent {
    /// The stored row of a recorded plan event, as the log holds it.
    public init(_ event: RecordedPlanEvent) throws {
        self.init(
            sequence: event.sequence, recordedAt: event.recordedAt, actor: EventActor(event.author),
            commandID: event.commandID, kind: event.event.kind, subject: event.event.subject,
            payload: try event.event.encodedPayload())
    }
}
