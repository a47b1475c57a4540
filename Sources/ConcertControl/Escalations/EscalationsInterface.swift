import ConcertAgents
import Foundation
import Varlink

/// `io.concert.Escalations`: overdue matters climbing the plan's escalation ladders, and the
/// monthly reporting cycle.
enum EscalationsInterface {
    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        func add<P: Decodable>(
            _ name: String, _ body: @escaping @Sendable (EscalationCommands, P) async throws -> [String: JSONValue]
        ) {
            router.method(name) { call, context in
                try await VarlinkBridge.answer {
                    let commands = EscalationCommands(
                        ledger: ledger, author: CallerIdentity.author(context.peer), now: now)
                    return try await body(commands, try VarlinkBridge.parameters(call))
                }
            }
        }
        add("List") { commands, p in try await commands.list(p) }
        add("Show") { commands, p in try await commands.show(p) }
        add("Acknowledge") { commands, p in try await commands.acknowledge(p) }
        add("Snooze") { commands, p in try await commands.snooze(p) }
        add("ListReports") { commands, p in try await commands.listReports(p) }
        return router
    }
}
