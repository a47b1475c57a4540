import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A connection to a Varlink service.
///
/// ```swift
/// let info = try await VarlinkClient.withConnection(to: "unix:/run/example.sock") { client in
///     try await client.call("org.varlink.service.GetInfo")
/// }
/// ```
///
/// Calls on one client are serialized: each waits until the previous call's replies have all
/// arrived, so concurrent use from several tasks is safe and replies never get mixed up. Use
/// several clients for parallelism. A call whose reply is an error throws ``VarlinkError``
/// and leaves the connection usable; transport and protocol failures, cancelling a call that
/// is waiting for its reply, and abandoning a ``VarlinkReplyStream`` make it unusable
/// (``VarlinkClientError/Code/connectionUnusable``). False flags are never sent and empty
/// parameters are omitted.
public final class VarlinkClient: Sendable {
    /// The inbound iterator; only touched while holding `callLock`.
    private final class InboundBox: @unchecked Sendable {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

        init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
            self.iterator = iterator
        }
    }

    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let inbound: InboundBox
    private let callLock = AsyncSerialLock()
    private let unusableReason = Mutex<String?>(nil)
    private let logger: Logger

    private init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        logger: Logger
    ) {
        self.inbound = InboundBox(inbound.makeAsyncIterator())
        self.outbound = outbound
        self.logger = logger
    }

    /// Connects, runs `body` with the client, and closes the connection when `body` returns.
    ///
    /// - Parameters:
    ///   - address: `unix:/path` or a plain socket path.
    ///   - configuration: Limits and event loops.
    ///   - logger: Where to log protocol problems.
    ///   - isolation: The actor `body` runs on; the caller's by default.
    ///   - body: Uses the client. The client must not be used after `body` returns.
    /// - Returns: What `body` returns.
    public static func withConnection<Result: Sendable>(
        to address: String,
        configuration: VarlinkClientConfiguration = VarlinkClientConfiguration(),
        logger: Logger = Logger(label: "varlink.client"),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (VarlinkClient) async throws -> Result
    ) async throws -> Result {
        let parsed = try VarlinkAddress(parsing: address)
        guard case .unixSocket(let path) = parsed else {
            throw VarlinkClientError(code: .invalidAddress, message: "unsupported address \(address)")
        }
        let maximumMessageSize = configuration.maximumMessageSize
        let channel = try await ClientBootstrap(group: configuration.eventLoopGroup)
            .connectTimeout(configuration.connectTimeout.timeAmount)
            .connect(unixDomainSocketPath: path) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        VarlinkFrameHandler(maximumMessageSize: maximumMessageSize))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose(isolation: isolation) { inbound, outbound in
            let client = VarlinkClient(inbound: inbound, outbound: outbound, logger: logger)
            defer { client.markUnusable("the connection is closed") }
            return try await body(client)
        }
    }

    // MARK: - Calls

    /// Calls `method` and returns the reply's parameters.
    ///
    /// - Parameters:
    ///   - method: The fully qualified method name, e.g. `org.varlink.service.GetInfo`.
    ///   - parameters: The input parameters.
    /// - Throws: ``VarlinkError`` when the service replies with an error;
    ///   ``VarlinkClientError`` on transport or protocol failures.
    public func call(_ method: String, parameters: [String: JSONValue] = [:]) async throws -> [String: JSONValue] {
        try await withCallLock {
            try await send(VarlinkCall(method: method, parameters: parameters, mode: .normal))
            let reply = try await readReplyHoldingLock()
            if reply.continues {
                throw VarlinkClientError(
                    code: .protocolViolation, message: "reply to a call without 'more' has 'continues'")
            }
            return reply
        }.throwingError()
    }

    /// Calls `method` with `more` set and returns the stream of replies.
    ///
    /// The connection is reserved for this call until the stream has delivered its last reply.
    public func callMore(_ method: String, parameters: [String: JSONValue] = [:]) async throws -> VarlinkReplyStream {
        await callLock.lock()
        do {
            try checkUsable()
            try await send(VarlinkCall(method: method, parameters: parameters, mode: .more))
        } catch {
            callLock.unlock()
            throw error
        }
        return VarlinkReplyStream(state: .init(client: self))
    }

    /// Calls `method` with `oneway` set; the service sends no reply, not even an error.
    public func callOneway(_ method: String, parameters: [String: JSONValue] = [:]) async throws {
        _ = try await withCallLock {
            try await send(VarlinkCall(method: method, parameters: parameters, mode: .oneway))
            return VarlinkReply()
        }
    }

    // MARK: - Typed calls

    /// Calls `method` with parameters encoded from `parameters` and decodes the reply as
    /// `Output`.
    public func call<Output: Decodable>(
        _ method: String, parameters: some Encodable, returning: Output.Type
    ) async throws -> Output {
        try await call(method, parameters: encodeParameters(parameters)).decode(Output.self)
    }

    /// Calls `method` without parameters and decodes the reply as `Output`.
    public func call<Output: Decodable>(_ method: String, returning: Output.Type) async throws -> Output {
        try await call(method).decode(Output.self)
    }

    /// Calls `method` with `oneway` set and parameters encoded from `parameters`.
    public func callOneway(_ method: String, parameters: some Encodable) async throws {
        try await callOneway(method, parameters: encodeParameters(parameters))
    }

    /// Calls `method` with `more` set and parameters encoded from `parameters`.
    public func callMore(_ method: String, parameters: some Encodable) async throws -> VarlinkReplyStream {
        try await callMore(method, parameters: encodeParameters(parameters))
    }

    // MARK: - org.varlink.service

    /// The service's `org.varlink.service.GetInfo` reply.
    public func getInfo() async throws -> VarlinkServiceInfo {
        try await call("org.varlink.service.GetInfo", returning: VarlinkServiceInfo.self)
    }

    /// The description text of `interface`, from `org.varlink.service.GetInterfaceDescription`.
    public func interfaceDescription(of interface: String) async throws -> String {
        let reply = try await call(
            "org.varlink.service.GetInterfaceDescription", parameters: ["interface": .string(interface)])
        guard let description = reply["description"]?.stringValue else {
            throw VarlinkClientError(
                code: .protocolViolation, message: "GetInterfaceDescription reply has no description")
        }
        return description
    }

    // MARK: - Internals

    private func encodeParameters(_ parameters: some Encodable) throws -> [String: JSONValue] {
        do {
            return try [String: JSONValue](encodingObject: parameters)
        } catch {
            throw VarlinkClientError(code: .invalidParameters, message: "\(error)")
        }
    }

    private func checkUsable() throws {
        if let reason = unusableReason.withLock({ $0 }) {
            throw VarlinkClientError(code: .connectionUnusable, message: "connection unusable: \(reason)")
        }
    }

    /// Runs one exchange while holding the call lock. A ``VarlinkError`` reply is returned to
    /// the caller (the connection is fine); any other failure makes the connection unusable.
    private func withCallLock(_ body: () async throws -> VarlinkReply) async throws -> VarlinkReply {
        await callLock.lock()
        defer { callLock.unlock() }
        try checkUsable()
        try Task.checkCancellation()
        do {
            return try await body()
        } catch {
            markUnusable("\(error)")
            throw error
        }
    }

    private func send(_ call: VarlinkCall) async throws {
        do {
            try await outbound.write(ByteBuffer(bytes: call.encoded()))
        } catch {
            throw VarlinkClientError(code: .connectionClosed, message: "could not send call: \(error)")
        }
    }

    /// Reads and parses the next reply. The caller holds the call lock.
    func readReplyHoldingLock() async throws -> VarlinkReply {
        let message: ByteBuffer?
        do {
            message = try await inbound.iterator.next()
        } catch let error as VarlinkFrameError {
            throw VarlinkClientError(code: .protocolViolation, message: "\(error)")
        } catch {
            throw VarlinkClientError(code: .connectionClosed, message: "connection failed: \(error)")
        }
        guard let message else {
            if Task.isCancelled {
                throw CancellationError()
            }
            throw VarlinkClientError(code: .connectionClosed, message: "the service closed the connection")
        }
        do {
            return try VarlinkReply(parsing: message.readableBytesView)
        } catch {
            logger.warning("Malformed reply: \(error)")
            throw VarlinkClientError(code: .protocolViolation, message: "malformed reply: \(error)")
        }
    }

    func markUnusable(_ reason: String) {
        unusableReason.withLock { current in
            if current == nil {
                current = reason
            }
        }
    }

    func releaseCallLock() {
        callLock.unlock()
    }
}

extension VarlinkReply {
    /// The parameters, or the error thrown.
    fileprivate func throwingError() throws -> [String: JSONValue] {
        if let error = varlinkError {
            throw error
        }
        return parameters
    }
}
