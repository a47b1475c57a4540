import Synchronization

/// Sends the replies to one call.
///
/// The writer enforces the protocol: ``yield(_:)`` (a reply with `"continues": true`) is only
/// possible when the call asked for `more` — otherwise it throws
/// ``VarlinkError/expectedMore()``, which, left uncaught, becomes the error reply; exactly one
/// final reply is sent; nothing is sent for a `oneway` call (all sends succeed and are
/// discarded). Sends are serialized and respect the transport's backpressure: they suspend
/// while the peer is not reading.
public final class VarlinkReplyWriter: Sendable {
    private enum Phase {
        case open
        case replied
        case finished
    }

    private struct State {
        var phase = Phase.open
        var transportFailed = false
    }

    /// How the call asked to be answered.
    public let mode: VarlinkCall.Mode
    private let send: @Sendable (VarlinkReply) async throws -> Void
    private let state = Mutex(State())
    private let sendLock = AsyncSerialLock()

    /// Creates a writer that passes each reply to `send`.
    ///
    /// - Parameters:
    ///   - mode: The call's mode.
    ///   - send: Transmits one reply; throws when the connection is gone.
    public init(mode: VarlinkCall.Mode, send: @escaping @Sendable (VarlinkReply) async throws -> Void) {
        self.mode = mode
        self.send = send
    }

    /// Whether the call asked for `more`, so ``yield(_:)`` is allowed.
    public var acceptsMore: Bool { mode == .more }

    /// Whether the final reply (or an error) has been sent.
    public var hasReplied: Bool {
        state.withLock { $0.phase != .open }
    }

    /// Whether a send failed because the connection was gone.
    var transportFailed: Bool {
        state.withLock { $0.transportFailed }
    }

    /// Sends an intermediate reply with `"continues": true`.
    ///
    /// - Throws: ``VarlinkError/expectedMore()`` when the call did not ask for `more`;
    ///   ``VarlinkReplyWriterError`` after the final reply or when the connection is gone.
    public func yield(_ parameters: [String: JSONValue]) async throws {
        if mode == .oneway { return }
        guard mode == .more else {
            throw VarlinkError.expectedMore()
        }
        try await transmit(VarlinkReply(parameters: parameters, continues: true), isFinal: false)
    }

    /// Sends an intermediate reply whose parameters are `value` encoded as a JSON object.
    public func yield(encoding value: some Encodable) async throws {
        try await yield([String: JSONValue](encodingObject: value))
    }

    /// Sends the final reply.
    ///
    /// - Throws: ``VarlinkReplyWriterError`` when a final reply was already sent or the
    ///   connection is gone.
    public func reply(_ parameters: [String: JSONValue] = [:]) async throws {
        try await transmit(VarlinkReply(parameters: parameters), isFinal: true)
    }

    /// Sends the final reply whose parameters are `value` encoded as a JSON object.
    public func reply(encoding value: some Encodable) async throws {
        try await reply([String: JSONValue](encodingObject: value))
    }

    /// Sends `error` as the final reply.
    func fail(_ error: VarlinkError) async throws {
        try await transmit(VarlinkReply(error: error), isFinal: true)
    }

    /// Makes every later send fail with ``VarlinkReplyWriterError/Code/callFinished``.
    func finish() {
        state.withLock { $0.phase = .finished }
    }

    private func transmit(_ reply: VarlinkReply, isFinal: Bool) async throws {
        await sendLock.lock()
        defer { sendLock.unlock() }
        let phase = state.withLock { state -> Phase in
            let phase = state.phase
            if phase == .open && isFinal {
                state.phase = .replied
            }
            return phase
        }
        switch phase {
        case .open:
            break
        case .replied:
            throw VarlinkReplyWriterError(code: .alreadyReplied, message: "the final reply was already sent")
        case .finished:
            throw VarlinkReplyWriterError(code: .callFinished, message: "the call's handler has returned")
        }
        if mode == .oneway { return }
        do {
            try await send(reply)
        } catch {
            state.withLock { $0.transportFailed = true }
            throw VarlinkReplyWriterError(code: .connectionClosed, message: "could not send reply: \(error)")
        }
    }
}
