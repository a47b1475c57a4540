import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// `io.concert.Calendar`: the bodies' meetings, recorded and projected, as iCalendar.
enum CalendarInterface {
    static let interface = "io.concert.Calendar"
    static let maximumSpanDays = 3_660
    static let maximumMeetings = 5_000

    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("Export") { call, _ in
            let state = await ledger.currentState
            let plan = state.plan
            let zone = state.timeZone
            let today = CalendarDate(now(), in: zone)
            func day(_ key: String, default value: CalendarDate) throws -> CalendarDate {
                guard let text = call.parameters[key]?.stringValue else { return value }
                guard let date = CalendarDate(iso: text) else {
                    throw span("\(key) '\(text)' is not a day in YYYY-MM-DD form")
                }
                return date
            }
            let from = try day("from", default: today)
            let to = try day("to", default: from.adding(days: 365))
            guard from <= to else { throw span("to (\(to)) comes before from (\(from))") }
            guard from.days(to: to) <= maximumSpanDays else { throw span("at most ten years at a time") }

            var bodies = plan.bodies
            if let id = call.parameters["body"]?.stringValue {
                guard let body = plan.bodies.first(where: { $0.id.rawValue == id }) else {
                    throw VarlinkError(
                        name: "\(interface).NoSuchBody",
                        parameters: [
                            "id": .string(id),
                            "message": .string(
                                "no body named \(id); the plan has: \(plan.bodies.map(\.id.rawValue).joined(separator: ", "))"),
                        ])
                }
                bodies = [body]
            }
            let calendar: BusinessCalendar
            do {
                calendar = try plan.businessCalendar()
            } catch {
                throw VarlinkError(name: VarlinkError.Name.internalError, parameters: [:])
            }
            let start = from.start(in: zone)
            let end = to.adding(days: 1).start(in: zone).addingTimeInterval(-1)
            let events = CalendarExport.events(
                of: bodies, in: state, from: start, through: end, now: now(), calendar: calendar,
                limit: maximumMeetings)
            let text = try CalendarExport.document(events).serialized()
            return ["calendar": .string(text), "meetings": .int(Int64(events.count))]
        }
        router.method("ListMeetings") { call, _ in
            let state = await ledger.currentState
            let body = call.parameters["body"]?.stringValue
            if let body, !state.plan.bodies.contains(where: { $0.id.rawValue == body }) {
                throw VarlinkError(
                    name: "\(interface).NoSuchBody",
                    parameters: ["id": .string(body), "message": .string("no body named \(body)")])
            }
            let meetings = state.meetings.values
                .filter { body == nil || $0.body.rawValue == body }
                .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            return ["meetings": .array(meetings.map { .object(view($0)) })]
        }
        return router
    }

    static func view(_ m: MeetingRecord) -> [String: JSONValue] {
        [
            "id": .string(m.id), "body": .string(m.body.rawValue), "start": .string(Timestamps.string(m.start)),
            "end": .string(Timestamps.string(m.end)), "time_zone": .string(m.timeZone),
            "venue": m.venue.map { .string($0) } ?? .null, "moved_from": m.movedFrom.map { .string($0.description) } ?? .null,
            "status": .string(m.status.rawValue), "sequence": .int(Int64(m.sequence)),
            "agenda": .array(m.agenda.map { .string($0.title) }),
            "convened_at": m.convenedAt.map { .string(Timestamps.string($0)) } ?? .null,
            "convened": .array(m.convened.map { .string($0.rawValue) }),
        ]
    }

    private static func span(_ message: String) -> VarlinkError {
        VarlinkError(name: "\(interface).InvalidSpan", parameters: ["message": .string(message)])
    }
}
