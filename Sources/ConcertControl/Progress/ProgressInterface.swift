import ConcertAgents
import Varlink

/// `io.concert.Progress`: each call becomes a ledger command, answered once it is on disk.
enum ProgressInterface {
    static func router(ledger: Ledger) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("Report") { call, context in
            try await VarlinkBridge.answer {
                let commands = ProgressCommands(ledger: ledger, author: CallerIdentity.author(context.peer))
                return try VarlinkBridge.reply(try await commands.report(VarlinkBridge.parameters(call)))
            }
        }
        router.method("Replan") { call, context in
            try await VarlinkBridge.answer {
                let commands = ProgressCommands(ledger: ledger, author: CallerIdentity.author(context.peer))
                return try VarlinkBridge.reply(try await commands.replan(VarlinkBridge.parameters(call)))
            }
        }
        router.method("Reopen") { call, context in
            try await VarlinkBridge.answer {
                let commands = ProgressCommands(ledger: ledger, author: CallerIdentity.author(context.peer))
                return try VarlinkBridge.reply(try await commands.reopen(VarlinkBridge.parameters(call)))
            }
        }
        return router
    }
}
