import ConcertCore
import Foundation
import Varlink

/// A meeting as `io.concert.Meetings` shows it: its agenda (provisional or frozen), its
/// convocation and its minutes.
enum MeetingView {
    static func object(_ m: MeetingRecord, in state: PlanState, calendar: BusinessCalendar?) -> JSONValue {
        let zone = TimeZone(identifier: m.timeZone) ?? state.timeZone
        let body = state.body(m.body)
        let convocation =
            m.convenedAt
            ?? calendar?.convocationTime(
                forMeetingAt: m.start, workingDaysBefore: body?.convocationNotice ?? Body.defaultConveneWorkingDaysBefore)
        let object: [String: JSONValue] = [
            "id": .string(m.id),
            "body": .string(m.body.rawValue),
            "body_name": .string(body?.name ?? m.body.rawValue),
            "start": .string(Timestamps.string(m.start)),
            "end": .string(Timestamps.string(m.end)),
            "time_zone": .string(m.timeZone),
            "local_start": .string(LocalDateTime(m.start, in: zone).description),
            "local_end": .string(LocalDateTime(m.end, in: zone).description),
            "venue": optional(m.venue),
            "moved_from": optional(m.movedFrom?.description),
            "status": .string(m.status.rawValue),
            "sequence": .int(Int64(m.sequence)),
            "extraordinary": .bool(m.extraordinary),
            "reason": optional(m.reason),
            "agenda": .array(state.agenda(of: m).map(item)),
            "convened_at": optional(m.convenedAt.map(Timestamps.string)),
            "convened": .array(m.convened.map { .string($0.rawValue) }),
            "convocation_at": .string(convocation.map(Timestamps.string) ?? Timestamps.string(m.start)),
            "minutes": m.minutes.map(minutes) ?? .null,
        ]
        return .object(object)
    }

    static func item(_ i: AgendaItem) -> JSONValue {
        .object([
            "number": .int(Int64(i.number)),
            "title": .string(i.title),
            "source": .string(i.source.rawValue),
            "measure": optional(i.measure?.rawValue),
            "carried_from": optional(i.carriedFrom),
        ])
    }

    static func minutes(_ m: Minutes) -> JSONValue {
        .object([
            "present": .array(m.present.map { .string($0.rawValue) }),
            "absent": .array(m.absent.map { .string($0.rawValue) }),
            "decisions": .array(
                m.decisions.map { d in
                    .object([
                        "number": .int(Int64(d.number)),
                        "text": .string(d.text),
                        "item": d.item.map { .int(Int64($0)) } ?? .null,
                        "tasks": .array(d.tasks.map { .string($0) }),
                    ])
                }),
            "resolved": .array(m.resolved.map { .int(Int64($0)) }),
            "unresolved": .array(m.unresolved.map { .int(Int64($0)) }),
            "note": optional(m.note),
        ])
    }

    static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }
}
