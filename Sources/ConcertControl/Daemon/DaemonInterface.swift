import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// `io.concert.Daemon`: the daemon's own figures.
enum DaemonInterface {
    static func router(ledger: Ledger, context: DaemonContext) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("GetStatus") { _, _ in
            let state = await ledger.currentState
            let figures = await ledger.currentStatistics
            let now = context.now()
            let today = CalendarDate(now, in: state.timeZone)
            let overdue = state.plan.measures.reduce(0) { $0 + (state.isOverdue($1, today: today) ? 1 : 0) }
            let status: [String: JSONValue] = [
                "version": .string(context.version),
                "plan": .string(state.plan.id),
                "plan_title": .string(state.plan.title),
                "workflows": .string(context.configuration.workflows),
                "state_directory": .string(context.configuration.stateDirectory),
                "started_at": .string(Timestamps.string(context.startedAt)),
                "uptime_seconds": .double(now.timeIntervalSince(context.startedAt)),
                "last_sequence": .int(figures.lastSequence),
                "commands_committed": .int(Int64(figures.commandsCommitted)),
                "commands_refused": .int(Int64(figures.commandsRefused)),
                "transactions": .int(Int64(figures.transactions)),
                "commands_per_transaction": .double(figures.commandsPerTransaction),
                "events_replayed": .int(Int64(figures.eventsReplayed)),
                "started_from_snapshot": .int(figures.startedFromSnapshot),
                "last_snapshot": .int(figures.lastSnapshot),
                "connections": .int(Int64(context.connections.count)),
                "subscribers": .int(Int64(figures.subscribers)),
                "measures": .int(Int64(state.plan.measures.count)),
                "overdue": .int(Int64(overdue)),
            ]
            return ["status": .object(status)]
        }
        router.method("Reload") { _, _ in
            guard let outcome = await context.reloads.reload(trigger: "io.concert.Daemon.Reload") else {
                throw VarlinkError(
                    name: "io.concert.Daemon.ReloadRefused",
                    parameters: ["message": .string("the daemon is still starting; try again"), "diagnostics": .array([])])
            }
            switch outcome {
            case .success(let done):
                return [
                    "plan": .string(done.plan), "measures": .int(Int64(done.measures)), "changed": .bool(done.changed),
                ]
            case .failure(let refusal):
                throw VarlinkError(
                    name: "io.concert.Daemon.ReloadRefused",
                    parameters: [
                        "message": .string(refusal.message), "diagnostics": .array(refusal.diagnostics.map { .string($0) }),
                    ])
            }
        }
        return router
    }
}
