import ConcertAgents
import Foundation
import Varlink

/// `io.concert.FocalPoints`: the focal-point network, absences and stand-ins.
enum FocalPointsInterface {
    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        func add<P: Decodable>(
            _ name: String, _ body: @escaping @Sendable (FocalPointCommands, P) async throws -> [String: JSONValue]
        ) {
            router.method(name) { call, context in
                try await VarlinkBridge.answer {
                    let commands = FocalPointCommands(ledger: ledger, author: CallerIdentity.author(context.peer), now: now)
                    return try await body(commands, try VarlinkBridge.parameters(call))
                }
            }
        }
        add("List") { commands, p in try await commands.list(p) }
        add("SetAway") { commands, p in try await commands.setAway(p) }
        return router
    }
}
