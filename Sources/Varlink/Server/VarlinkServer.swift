import Logging
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Varlink server on a Unix socket.
///
/// ```swift
/// let server = VarlinkServer(
///     configuration: .init(listener: .unixSocket(path: "/run/example/io.example.sock")),
///     service: service, logger: logger)
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await server.run() }
///     try await server.listening()
///     // ... the socket accepts connections now ...
///     group.cancelAll()  // graceful stop; run() returns when done
/// }
/// ```
///
/// ``run()`` serves until its task is cancelled or ``triggerGracefulShutdown()`` is called.
/// Then it stops accepting, closes idle connections, lets calls in progress finish for up to
/// ``VarlinkServerConfiguration/shutdownGracePeriod`` (after which they are cancelled), removes
/// the socket file it created, and returns. To run it as a swift-service-lifecycle `Service`,
/// call `run()` inside `cancelWhenGracefulShutdown`, or call ``triggerGracefulShutdown()`` from
/// `withGracefulShutdownHandler`.
///
/// Each connection is served by its own task, one call at a time and in order; a failure
/// (malformed message, oversize message, handler error, disconnect) affects only that
/// connection.
public final class VarlinkServer: Sendable {
    private enum Phase {
        case idle
        case starting
        case listening
        case shuttingDown
        case finished
    }

    private struct State {
        var phase = Phase.idle
        var shutdownRequested = false
        var serverChannel: (any Channel)?
        var connections: [UInt64: VarlinkServerConnection.Control] = [:]
        var listeningWaiters: [CheckedContinuation<Void, any Error>] = []
        var startError: (any Error)?
    }

    /// The configuration the server was created with.
    public let configuration: VarlinkServerConfiguration
    /// The interfaces served.
    public let service: VarlinkService
    private let logger: Logger
    private let state = Mutex(State())
    private let shutdownSignal = OneShotSignal()
    private let nextConnectionID = Atomic<UInt64>(1)
    private let openConnections = Atomic<Int>(0)

    /// Creates a server; nothing happens until ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: Where to listen and the limits to enforce.
    ///   - service: The interfaces to serve.
    ///   - logger: Where to log; connections add `varlink.connection` and `varlink.peer`
    ///     metadata.
    public init(configuration: VarlinkServerConfiguration, service: VarlinkService, logger: Logger) {
        self.configuration = configuration
        self.service = service
        self.logger = logger
    }

    /// The number of connections currently open (accepted and not yet closed).
    public var connectionCount: Int {
        openConnections.load(ordering: .relaxed)
    }

    /// Waits until the server accepts connections. Returns at once if it already does; waits
    /// for as long as ``run()`` has not been called.
    ///
    /// - Throws: The error that made ``run()`` fail before listening, or
    ///   ``VarlinkServerError/Code/notListening`` if it stopped before.
    public func listening() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = state.withLock { state -> Result<Void, any Error>? in
                switch state.phase {
                case .idle, .starting:
                    state.listeningWaiters.append(continuation)
                    return nil
                case .listening:
                    return .success(())
                case .shuttingDown, .finished:
                    return .failure(
                        state.startError
                            ?? VarlinkServerError(code: .notListening, message: "the server has stopped"))
                }
            }
            if let outcome {
                continuation.resume(with: outcome)
            }
        }
    }

    /// Starts a graceful shutdown: no new connections, idle connections closed, calls in
    /// progress finish (for up to the grace period), then ``run()`` returns. Safe to call at
    /// any time and more than once.
    public func triggerGracefulShutdown() {
        let (channel, connections) = state.withLock {
            state -> ((any Channel)?, [VarlinkServerConnection.Control]) in
            state.shutdownRequested = true
            guard state.phase == .listening else { return (nil, []) }
            state.phase = .shuttingDown
            return (state.serverChannel, Array(state.connections.values))
        }
        shutdownSignal.fire()
        channel?.close(promise: nil)
        for connection in connections {
            connection.requestShutdown()
        }
    }

    /// Binds or adopts the listening socket and serves until cancelled or shut down.
    ///
    /// Cancelling the calling task starts a graceful shutdown (see the type's discussion)
    /// rather than cancelling calls in progress at once: the connections are served from a
    /// task that `run()` awaits but that does not inherit its cancellation.
    ///
    /// - Throws: ``VarlinkServerError`` or a NIO error when the socket cannot be set up, or
    ///   when called twice. Once listening, it returns normally when stopped.
    public func run() async throws {
        let alreadyStarted = state.withLock { state -> Bool in
            guard state.phase == .idle else { return true }
            state.phase = .starting
            return false
        }
        if alreadyStarted {
            throw VarlinkServerError(code: .alreadyStarted, message: "run() was already called")
        }

        let serverChannel: NIOAsyncChannel<VarlinkServerConnection, Never>
        let socketFile: SocketFile?
        do {
            (serverChannel, socketFile) = try await bind()
        } catch {
            finishStarting(with: error)
            throw error
        }

        let shutdownAlreadyRequested = state.withLock { state -> Bool in
            state.phase = .listening
            state.serverChannel = serverChannel.channel
            return state.shutdownRequested
        }
        let waiters = state.withLock { state in
            defer { state.listeningWaiters.removeAll() }
            return state.listeningWaiters
        }
        waiters.forEach { $0.resume() }
        logger.info("Varlink server listening", metadata: ["varlink.listener": "\(configuration.listener)"])
        if shutdownAlreadyRequested {
            triggerGracefulShutdown()
        }

        // Serving runs in a task that the caller's cancellation does not reach directly:
        // cancellation starts a graceful shutdown instead, so calls in progress can finish
        // within the grace period. `run()` awaits the task, so it never outlives this call.
        let serving = Task {
            await self.serve(serverChannel)
        }
        await withTaskCancellationHandler {
            await serving.value
        } onCancel: {
            self.triggerGracefulShutdown()
        }

        socketFile?.remove()
        state.withLock { $0.phase = .finished }
        logger.info("Varlink server stopped")
    }

    private func finishStarting(with error: any Error) {
        let waiters = state.withLock { state in
            state.phase = .finished
            state.startError = error
            defer { state.listeningWaiters.removeAll() }
            return state.listeningWaiters
        }
        waiters.forEach { $0.resume(throwing: error) }
    }

    /// Accepts connections and runs the grace-period timer once shutdown starts.
    private func serve(_ serverChannel: NIOAsyncChannel<VarlinkServerConnection, Never>) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await self.acceptConnections(serverChannel)
            }
            group.addTask {
                await self.shutdownSignal.wait()
                try? await Task.sleep(for: self.configuration.shutdownGracePeriod)
            }
            // Whichever ends first: all connections done, or the grace period over.
            await group.next()
            group.cancelAll()
        }
    }

    private func acceptConnections(_ serverChannel: NIOAsyncChannel<VarlinkServerConnection, Never>) async {
        do {
            try await withThrowingDiscardingTaskGroup { group in
                try await serverChannel.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask {
                            await self.serveConnection(connection)
                        }
                    }
                }
            }
        } catch {
            if !shutdownSignal.hasFired {
                logger.error("Varlink server stopped accepting connections: \(error)")
            }
        }
    }

    private func serveConnection(_ connection: VarlinkServerConnection) async {
        let registered = state.withLock { state -> Bool in
            guard state.phase == .listening else { return false }
            state.connections[connection.id] = connection.control
            return true
        }
        guard registered else {
            // Shutting down: close without serving (the connection finishes its channel).
            return
        }
        defer {
            _ = state.withLock { $0.connections.removeValue(forKey: connection.id) }
        }
        await connection.run(
            service: service, internalErrorName: configuration.internalErrorName, logger: logger)
    }

    // MARK: - Binding

    /// Identifies the socket file the server created, to remove exactly that file later.
    private struct SocketFile: Sendable {
        let path: String
        let device: UInt64
        let inode: UInt64

        init?(path: String) {
            var status = stat()
            guard lstat(path, &status) == 0 else { return nil }
            self.path = path
            self.device = UInt64(truncatingIfNeeded: status.st_dev)
            self.inode = UInt64(truncatingIfNeeded: status.st_ino)
        }

        func remove() {
            var status = stat()
            guard lstat(path, &status) == 0, UInt64(truncatingIfNeeded: status.st_dev) == device,
                UInt64(truncatingIfNeeded: status.st_ino) == inode
            else {
                return
            }
            unlink(path)
        }
    }

    private func bind() async throws -> (NIOAsyncChannel<VarlinkServerConnection, Never>, SocketFile?) {
        let bootstrap = ServerBootstrap(group: configuration.eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<VarlinkServerConnection> = { channel in
            self.initializeConnection(channel)
        }
        switch configuration.listener {
        case .unixSocket(let path):
            try await ensureNotInUse(path: path)
            let channel = try await bootstrap.bind(
                unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
            if let mode = configuration.socketFileMode, chmod(path, mode_t(truncatingIfNeeded: mode)) != 0 {
                logger.warning("Could not set mode of \(path): errno \(errno)")
            }
            return (channel, SocketFile(path: path))
        case .listeningSocket(let descriptor):
            guard VarlinkSocketActivation.isSocket(descriptor) else {
                throw VarlinkServerError(
                    code: .invalidDescriptor, message: "descriptor \(descriptor) is not an open socket")
            }
            let channel = try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
            return (channel, nil)
        }
    }

    /// Fails when a live server already listens on `path`.
    private func ensureNotInUse(path: String) async throws {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFSOCK else { return }
        let probe = try? await ClientBootstrap(group: configuration.eventLoopGroup)
            .connect(unixDomainSocketPath: path).get()
        if let probe {
            try? await probe.close()
            throw VarlinkServerError(code: .addressInUse, message: "another server is listening on \(path)")
        }
    }

    /// Runs on the child channel's event loop for each accepted connection: enforces the
    /// connection limit, reads the peer credentials and sets up the pipeline.
    private func initializeConnection(_ channel: any Channel) -> EventLoopFuture<VarlinkServerConnection> {
        let count = openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        channel.closeFuture.whenComplete { _ in
            self.openConnections.wrappingSubtract(1, ordering: .relaxed)
        }
        guard count <= configuration.maximumConnections else {
            logger.warning(
                "Refusing connection: limit reached",
                metadata: ["varlink.maximumConnections": "\(configuration.maximumConnections)"])
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(
                VarlinkServerError(code: .notListening, message: "connection limit reached"))
        }
        let id = nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
        let configuration = configuration
        return VarlinkPeerCredentials.read(from: channel).flatMapThrowing { peer in
            try channel.pipeline.syncOperations.addHandler(
                VarlinkFrameHandler(
                    maximumMessageSize: configuration.maximumMessageSize,
                    partialMessageTimeout: configuration.partialMessageTimeout?.timeAmount))
            let asyncChannel = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                wrappingChannelSynchronously: channel,
                configuration: .init(
                    backPressureStrategy: .init(lowWatermark: 2, highWatermark: 8)))
            return VarlinkServerConnection(
                id: id, peer: peer, channel: asyncChannel, control: .init(channel: channel))
        }.flatMapErrorThrowing { error in
            channel.close(promise: nil)
            throw error
        }
    }
}
