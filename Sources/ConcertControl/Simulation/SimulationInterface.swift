import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// `io.concert.Simulation`: what would happen, computed from the current state.
enum SimulationInterface {
    static let interface = "io.concert.Simulation"
    static let maximumEntries = 10_000

    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("Project") { call, _ in
            let state = await ledger.currentState
            let zone = state.timeZone
            let text = call.parameters["until"]?.stringValue ?? ""
            let current = now()
            let today = CalendarDate(current, in: zone)
            guard let day = CalendarDate(iso: text) else {
                throw invalid(text, "'\(text)' is not a day in YYYY-MM-DD form")
            }
            guard day >= today else { throw invalid(text, "\(day) is before today (\(today))") }
            guard today.days(to: day) <= 3_660 else { throw invalid(text, "at most ten years ahead") }
            let calendar: BusinessCalendar
            do {
                calendar = try state.plan.businessCalendar()
            } catch {
                throw VarlinkError(name: VarlinkError.Name.internalError, parameters: [:])
            }
            let until = day.adding(days: 1).start(in: zone).addingTimeInterval(-0.001)
            let entries = state.projection(from: current, until: until, calendar: calendar, limit: maximumEntries + 1)
            return [
                "entries": .array(
                    entries.prefix(maximumEntries).map { entry in
                        .object([
                            "at": .string(Timestamps.string(entry.at)), "kind": .string(entry.kind.rawValue),
                            "subject": .string(entry.subject), "summary": .string(entry.summary),
                        ])
                    }),
                "truncated": .bool(entries.count > maximumEntries),
            ]
        }
        return router
    }

    private static func invalid(_ until: String, _ message: String) -> VarlinkError {
        VarlinkError(name: "\(interface).InvalidUntil", parameters: ["until": .string(until), "message": .string(message)])
    }
}
