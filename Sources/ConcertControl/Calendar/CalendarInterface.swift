import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// `io.concert.Calendar`: the bodies' meetings as iCalendar.
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
            let meetings = bodies.flatMap {
                plan.plannedMeetings(of: $0, from: start, through: end, calendar: calendar, limit: maximumMeetings)
            }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            .prefix(maximumMeetings)
            let text = try CalendarExport.document(meetings: Array(meetings), plan: plan, stamp: now()).serialized()
            return ["calendar": .string(text), "meetings": .int(Int64(meetings.count))]
        }
        return router
    }

    private static func span(_ message: String) -> VarlinkError {
        VarlinkError(name: "\(interface).InvalidSpan", parameters: ["message": .string(message)])
    }
}
