import ConcertAgents
import ConcertStore
import Varlink

/// `io.concert.Notices`: the outbox of notices, their delivery, and redelivery.
enum NoticesInterface {
    static let interface = "io.concert.Notices"
    static let pageLimit = 1_000

    struct ListParameters: Decodable {
        var recipient: String?
        var failed: Bool?
        var after: Int64?
        var limit: Int?
    }

    struct RedeliverParameters: Decodable {
        var id: String
    }

    /// The router; without a courier (a daemon that sends no notices) the outbox reads empty.
    static func router(courier: Courier?) -> VarlinkMethodRouter {
        var router = VarlinkMethodRouter()
        router.method("List") { call, _ in
            let p: ListParameters = try VarlinkBridge.parameters(call)
            guard let courier else { return ["notices": .array([])] }
            let limit = min(max(1, p.limit ?? pageLimit), pageLimit)
            let notices = try await courier.outbox.list(
                recipient: p.recipient, status: p.failed == true ? .failed : nil, after: max(0, p.after ?? 0),
                limit: limit)
            return ["notices": .array(notices.map { .object(NoticeView.make($0)) })]
        }
        router.streamingMethod("Follow") { call, _, replies in
            guard replies.acceptsMore else { throw VarlinkError.expectedMore() }
            let recipient = call.parameters["recipient"]?.stringValue
            guard let courier else {
                throw VarlinkError(
                    name: "\(interface).Stopping", parameters: ["message": .string("this daemon sends no notices")])
            }
            do {
                for try await notice in await courier.feed.follow() where recipient == nil || notice.recipient == recipient {
                    try await replies.yield(["notice": .object(NoticeView.make(notice))])
                }
            } catch let lagged as NoticeFollowerLagged {
                throw VarlinkError(
                    name: "\(interface).Lagged",
                    parameters: ["limit": .int(Int64(lagged.bufferLimit)), "message": .string(lagged.description)])
            }
            throw VarlinkError(
                name: "\(interface).Stopping",
                parameters: ["message": .string("the daemon is stopping; follow again once it is back")])
        }
        router.method("Redeliver") { call, _ in
            let p: RedeliverParameters = try VarlinkBridge.parameters(call)
            guard let notice = try await courier?.redeliver(id: p.id) else {
                throw VarlinkError(
                    name: "\(interface).NoSuchNotice",
                    parameters: ["id": .string(p.id), "message": .string("no notice has the id '\(p.id)'")])
            }
            return ["notice": .object(NoticeView.make(notice))]
        }
        return router
    }
}
