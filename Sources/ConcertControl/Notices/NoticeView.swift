import ConcertStore
import Varlink

/// A stored notice as `io.concert.Notices.Notice`.
enum NoticeView {
    static func make(_ notice: OutboxNotice) -> [String: JSONValue] {
        [
            "id": .string(notice.id), "number": .int(notice.number), "recipient": .string(notice.recipient),
            "kind": .string(notice.kind), "subject": .string(notice.subjectID), "title": .string(notice.subjectLine),
            "sequence": .int(notice.sequence), "created": .string(Timestamps.string(notice.created)),
            "not_before": .string(Timestamps.string(notice.notBefore)),
            "delivered": notice.deliveredAt.map { .string(Timestamps.string($0)) } ?? .null,
            "channel": .string(notice.channel), "attempts": .int(Int64(notice.attempts)),
            "status": .string(notice.status.rawValue), "last_error": notice.lastError.map(JSONValue.string) ?? .null,
            "next_attempt": notice.due.map { .string(Timestamps.string($0)) } ?? .null,
            "digest": notice.digest.map(JSONValue.string) ?? .null,
        ]
    }
}
