import ConcertAgents
import Foundation
import Varlink

/// `io.concert.Meetings`: the bodies' meetings, their agendas and minutes.
enum MeetingsInterface {
    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        func add<P: Decodable>(
            _ name: String, _ body: @escaping @Sendable (MeetingCommands, P) async throws -> [String: JSONValue]
        ) {
            router.method(name) { call, context in
                try await VarlinkBridge.answer {
                    let commands = MeetingCommands(ledger: ledger, author: CallerIdentity.author(context.peer), now: now)
                    return try await body(commands, try VarlinkBridge.parameters(call))
                }
            }
        }
        add("List") { commands, p in try await commands.list(p) }
        add("Show") { commands, p in try await commands.show(p) }
        add("Reschedule") { commands, p in try await commands.reschedule(p) }
        add("Cancel") { commands, p in try await commands.cancel(p) }
        add("CallExtraordinary") { commands, p in try await commands.callExtraordinary(p) }
        add("AddAgendaItem") { commands, p in try await commands.addAgendaItem(p) }
        add("RecordMinutes") { commands, p in try await commands.recordMinutes(p) }
        return router
    }
}
