import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// `io.concert.Clock`: reads the daemon's time and moves virtual time.
enum ClockInterface {
    static let interface = "io.concert.Clock"

    static func router(ledger: Ledger, timeline: Timeline) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("GetTime") { _, _ in
            let zone = await ledger.currentState.timeZone
            let now = timeline.clock.now
            var reply: [String: JSONValue] = [
                "now": .string(Timestamps.string(now)),
                "today": .string(CalendarDate(now, in: zone).description),
                "time_zone": .string(zone.identifier),
                "virtual": .bool(timeline.clock.isVirtual),
                "pending_actions": .int(Int64(await timeline.pending)),
                "next_due": .null,
            ]
            if let due = await timeline.nextDue { reply["next_due"] = .string(Timestamps.string(due)) }
            return reply
        }
        router.method("Advance") { call, _ in
            guard timeline.clock.isVirtual else {
                throw VarlinkError(
                    name: "\(interface).NotVirtual",
                    parameters: [
                        "message": .string(
                            "the daemon runs on the system clock; only a daemon started with --virtual-clock can move time")
                    ])
            }
            let zone = await ledger.currentState.timeZone
            let now = timeline.clock.now
            let by = call.parameters["by"]?.stringValue
            let to = call.parameters["to"]?.stringValue
            let target: Date
            switch (by, to) {
            case (let by?, nil):
                guard let seconds = ClockTarget.duration(by) else {
                    throw invalid(by, "'\(by)' is not a duration such as 90d, 2w, 36h or 15m")
                }
                target = now.addingTimeInterval(seconds)
            case (nil, let to?):
                guard let instant = ClockTarget.instant(to, timeZone: zone) else {
                    throw invalid(to, "'\(to)' is neither a day (YYYY-MM-DD) nor an RFC 3339 instant")
                }
                target = instant
            default:
                throw invalid(by ?? to ?? "", "give exactly one of by (a duration) or to (a day or instant)")
            }
            guard target.timeIntervalSince(now) <= ClockTarget.maximumStep else {
                throw invalid(by ?? to ?? "", "that is more than 20 years ahead; move in smaller steps")
            }
            let fired: Int
            do {
                fired = try await timeline.advance(to: target)
            } catch {
                throw invalid(by ?? to ?? "", "\(error)")
            }
            let after = timeline.clock.now
            return [
                "now": .string(Timestamps.string(after)),
                "today": .string(CalendarDate(after, in: zone).description),
                "actions": .int(Int64(fired)),
            ]
        }
        return router
    }

    private static func invalid(_ target: String, _ message: String) -> VarlinkError {
        VarlinkError(name: "\(interface).InvalidTarget", parameters: ["target": .string(target), "message": .string(message)])
    }
}
