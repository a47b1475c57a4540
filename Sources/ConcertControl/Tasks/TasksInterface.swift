import ConcertAgents
import Foundation
import Varlink

/// `io.concert.Tasks`: the tasks meetings' decisions created, and their handling.
enum TasksInterface {
    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        func add<P: Decodable>(
            _ name: String, _ body: @escaping @Sendable (TaskCommands, P) async throws -> [String: JSONValue]
        ) {
            router.method(name) { call, context in
                try await VarlinkBridge.answer {
                    let commands = TaskCommands(ledger: ledger, author: CallerIdentity.author(context.peer), now: now)
                    return try await body(commands, try VarlinkBridge.parameters(call))
                }
            }
        }
        add("List") { commands, p in try await commands.list(p) }
        add("Show") { commands, p in try await commands.show(p) }
        add("Acknowledge") { commands, p in try await commands.acknowledge(p) }
        add("Complete") { commands, p in try await commands.complete(p) }
        add("Reassign") { commands, p in try await commands.reassign(p) }
        return router
    }
}
