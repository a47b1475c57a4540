import ConcertStore

/// Tells followers about each notice as it is stored or changes state.
///
/// Each follower's stream holds at most `buffer` notices; one that falls further behind gets
/// ``NoticeFollowerLagged`` and its stream ends, so a slow follower never grows memory.
public actor NoticeFeed {
    public let buffer: Int
    private var followers: [UInt64: AsyncThrowingStream<OutboxNotice, any Error>.Continuation] = [:]
    private var nextID: UInt64 = 0
    private var finished = false

    public init(buffer: Int = 1_024) {
        self.buffer = max(1, buffer)
    }

    /// A stream of every notice stored or changed from now on.
    public func follow() -> AsyncThrowingStream<OutboxNotice, any Error> {
        let (stream, continuation) = AsyncThrowingStream<OutboxNotice, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(buffer))
        if finished {
            continuation.finish()
            return stream
        }
        nextID += 1
        let id = nextID
        followers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    /// How many follow now.
    public var followerCount: Int { followers.count }

    func publish(_ notices: [OutboxNotice]) {
        for notice in notices {
            for (id, continuation) in followers {
                if case .dropped = continuation.yield(notice) {
                    followers[id] = nil
                    continuation.finish(throwing: NoticeFollowerLagged(bufferLimit: buffer))
                }
            }
        }
    }

    /// Ends every stream (the daemon is stopping).
    public func finish() {
        finished = true
        for continuation in followers.values { continuation.finish() }
        followers = [:]
    }

    private func remove(_ id: UInt64) {
        followers[id] = nil
    }
}

/// Ends a follower that fell too far behind the notices' changes.
public struct NoticeFollowerLagged: Error, Hashable, Sendable, CustomStringConvertible {
    public var bufferLimit: Int
    public var description: String {
        "the follower fell more than \(bufferLimit) notices behind and was dropped; list the notices and follow again"
    }
}
