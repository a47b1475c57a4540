import Synchronization

/// The replies to a call made with `more`, in order: each element is one reply's parameters.
///
/// The sequence ends after the reply without `continues`; an error reply is thrown as
/// ``VarlinkError``. The connection stays reserved for this call until the sequence ends;
/// dropping it earlier makes the connection unusable (its remaining replies would be
/// misattributed), so consume it to the end or discard the connection.
public struct VarlinkReplyStream: AsyncSequence, Sendable {
    public typealias Element = [String: JSONValue]

    let state: State

    public func makeAsyncIterator() -> Iterator {
        Iterator(state: state)
    }

    /// Iterates the replies.
    public struct Iterator: AsyncIteratorProtocol {
        let state: State

        public mutating func next() async throws -> [String: JSONValue]? {
            try await state.next()
        }
    }

    /// Owns the client's call lock until the final reply has been read.
    final class State: Sendable {
        private let client: VarlinkClient
        private let finished = Mutex(false)
        private let readLock = AsyncSerialLock()

        /// Takes over the call lock, which the caller holds.
        init(client: VarlinkClient) {
            self.client = client
        }

        func next() async throws -> [String: JSONValue]? {
            await readLock.lock()
            defer { readLock.unlock() }
            guard !finished.withLock({ $0 }) else { return nil }
            let reply: VarlinkReply
            do {
                reply = try await client.readReplyHoldingLock()
            } catch {
                finish(breaking: true, reason: "\(error)")
                throw error
            }
            if let error = reply.varlinkError {
                finish(breaking: false, reason: "")
                throw error
            }
            if !reply.continues {
                finish(breaking: false, reason: "")
            }
            return reply.parameters
        }

        private func finish(breaking: Bool, reason: String) {
            let wasFinished = finished.withLock { finished in
                defer { finished = true }
                return finished
            }
            guard !wasFinished else { return }
            if breaking {
                client.markUnusable(reason)
            }
            client.releaseCallLock()
        }

        deinit {
            if !finished.withLock({ $0 }) {
                client.markUnusable("a reply stream was dropped before its last reply")
                client.releaseCallLock()
            }
        }
    }
}
