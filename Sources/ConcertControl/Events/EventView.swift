import ConcertAgents
import ConcertCore
import ConcertStore
import Foundation
import Varlink

/// `io.concert.Events.Event` on the wire.
enum EventView {
    static func make(_ row: RecordedEvent) -> [String: JSONValue] {
        let data = (try? JSONDecoder().decode(JSONValue.self, from: row.payload)) ?? .object([:])
        return [
            "sequence": .int(row.sequence),
            "at": .string(Timestamps.string(row.recordedAt)),
            "kind": .string(row.kind),
            "subject": .string(row.subject ?? ""),
            "measure": row.kind.hasPrefix("meeting_") ? .null : .string(row.subject ?? ""),
            "by": .string(row.actor.kind == .agent ? "agent:\(row.actor.name)" : row.actor.name),
            "role": .string(row.actor.role ?? ""),
            "uid": row.actor.uid.map { .int(Int64($0)) } ?? .null,
            "command_id": .string(row.commandID),
            "data": data,
        ]
    }

    static func make(_ event: RecordedPlanEvent) -> [String: JSONValue] {
        let data = (try? event.event.encodedPayload()).flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        return [
            "sequence": .int(event.sequence),
            "at": .string(Timestamps.string(event.recordedAt)),
            "kind": .string(event.event.kind),
            "subject": .string(event.event.subject),
            "measure": event.event.measure.map { .string($0.rawValue) } ?? .null,
            "by": .string(event.author.kind == .agent ? "agent:\(event.author.name)" : event.author.name),
            "role": .string(event.author.role.rawValue),
            "uid": event.author.uid.map { .int(Int64($0)) } ?? .null,
            "command_id": .string(event.commandID),
            "data": data ?? .object([:]),
        ]
    }
}
