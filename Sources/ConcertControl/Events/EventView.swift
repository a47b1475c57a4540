import ConcertAgents
import ConcertCore
import ConcertStore
import Foundation
import Varlink

/// `io.concert.Events.Event` on the wire, for stored rows and live events alike.
enum EventView {
    static func make(_ row: RecordedEvent) -> [String: JSONValue] {
        let data = (try? JSONDecoder().decode(JSONValue.self, from: row.payload)) ?? .object([:])
        let measure = (try? PlanEvent.decode(kind: row.kind, payload: row.payload))?.measure
        return [
            "sequence": .int(row.sequence),
            "at": .string(Timestamps.string(row.recordedAt)),
            "kind": .string(row.kind),
            "subject": .string(row.subject ?? ""),
            "measure": measure.map { .string($0.rawValue) } ?? .null,
            "by": .string(row.actor.kind == .agent ? "agent:\(row.actor.name)" : row.actor.name),
            "role": .string(row.actor.role ?? ""),
            "uid": row.actor.uid.map { .int(Int64($0)) } ?? .null,
            "command_id": .string(row.commandID),
            "data": data,
        ]
    }

    /// A live event, rendered through the same row the log stores.
    static func make(_ event: RecordedPlanEvent) throws -> [String: JSONValue] {
        make(try RecordedEvent(event))
    }
}
