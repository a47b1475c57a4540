import ConcertAgents
import Foundation
import Varlink

/// `io.concert.Plan`: questions answered from the ledger's current state.
enum PlanInterface {
    static func router(ledger: Ledger, now: @escaping @Sendable () -> Date) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("ListMeasures") { call, _ in
            try await VarlinkBridge.answer {
                let queries = PlanQueries(state: await ledger.currentState, now: now())
                return try VarlinkBridge.reply(try queries.listMeasures(VarlinkBridge.parameters(call)))
            }
        }
        router.method("GetMeasure") { call, _ in
            try await VarlinkBridge.answer {
                let queries = PlanQueries(state: await ledger.currentState, now: now())
                return try VarlinkBridge.reply(try queries.getMeasure(VarlinkBridge.parameters(call)))
            }
        }
        router.method("GetStructure") { _, _ in
            try VarlinkBridge.reply(PlanQueries(state: await ledger.currentState, now: now()).structure())
        }
        router.method("ListEntities") { _, _ in
            try VarlinkBridge.reply(PlanQueries(state: await ledger.currentState, now: now()).entities())
        }
        router.method("GetSummary") { _, _ in
            try VarlinkBridge.reply(PlanQueries(state: await ledger.currentState, now: now()).summary())
        }
        return router
    }
}
