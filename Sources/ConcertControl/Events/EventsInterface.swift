import ConcertAgents
import ConcertStore
import Varlink

/// `io.concert.Events`: recorded events by page, and a live stream of committed ones.
enum EventsInterface {
    static let interface = "io.concert.Events"
    static let pageLimit = 1_000

    struct ListParameters: Decodable {
        var since: Int64?
        var limit: Int?
        var measure: String?
    }

    static func router(ledger: Ledger, store: any EventStore) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("List") { call, _ in
            let p: ListParameters = try VarlinkBridge.parameters(call)
            let since = max(0, p.since ?? 0)
            let limit = min(max(1, p.limit ?? pageLimit), pageLimit)
            let rows =
                if let measure = p.measure {
                    try await store.events(subject: measure, after: since, limit: limit)
                } else {
                    try await store.events(after: since, limit: limit)
                }
            return [
                "events": .array(rows.map { .object(EventView.make($0)) }),
                "last_sequence": .int(await ledger.currentState.lastSequence),
            ]
        }
        router.streamingMethod("Subscribe") { call, _, replies in
            guard replies.acceptsMore else { throw VarlinkError.expectedMore() }
            let since = call.parameters["since"]?.intValue
            // Subscribe first, so nothing committed while catching up is missed.
            let (liveAfter, live) = await ledger.subscribe()
            var sent = since ?? liveAfter
            if since != nil {
                while sent < liveAfter {
                    let rows = try await store.events(after: sent, limit: pageLimit)
                    for row in rows where row.sequence <= liveAfter {
                        try await replies.yield(["event": .object(EventView.make(row))])
                        sent = row.sequence
                    }
                    if rows.isEmpty { break }
                }
            }
            do {
                for try await event in live where event.sequence > sent {
                    try await replies.yield(["event": .object(try EventView.make(event))])
                    sent = event.sequence
                }
            } catch let lagged as SubscriberLagged {
                throw VarlinkError(
                    name: "\(interface).Lagged",
                    parameters: ["limit": .int(Int64(lagged.bufferLimit)), "message": .string(lagged.description)])
            }
            // The daemon is stopping: the stream ends without a final event.
            throw VarlinkError(
                name: "\(interface).Stopping",
                parameters: [
                    "last_sequence": .int(sent),
                    "message": .string("the daemon is stopping; resubscribe with since=\(sent) once it is back"),
                ])
        }
        return router
    }
}
