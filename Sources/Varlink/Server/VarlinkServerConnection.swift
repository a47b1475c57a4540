import Logging
import NIOCore
import Synchronization

/// One accepted connection: reads calls in order, answers each before reading the next, and
/// closes on malformed input, oversize messages, client disconnect or server shutdown.
///
/// A connection that is never run (NIO drops accepted connections still in flight when the
/// listening socket closes) closes its channel when deallocated, so the wrapped
/// `NIOAsyncChannel` is finished properly instead of tripping NIO's
/// "deinited without finish()" precondition.
final class VarlinkServerConnection: Sendable {
    let id: UInt64
    let peer: VarlinkPeerCredentials?
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let control: Control
    private let started = Atomic(false)

    init(id: UInt64, peer: VarlinkPeerCredentials?, channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, control: Control)
    {
        self.id = id
        self.peer = peer
        self.channel = channel
        self.control = control
    }

    deinit {
        guard !started.load(ordering: .acquiring) else { return }
        // Keep the async channel alive until the close has finished its writer.
        let channel = self.channel
        channel.channel.closeFuture.whenComplete { _ in
            withExtendedLifetime(channel) {}
        }
        channel.channel.close(promise: nil)
    }

    /// Coordinates a connection with the server's graceful shutdown: an idle connection is
    /// closed at once, a busy one after its current call.
    final class Control: Sendable {
        private struct State {
            var busy = false
            var shutdownRequested = false
        }

        private let state = Mutex(State())
        private let channel: any Channel
        /// Fires when the channel closes, for whatever reason.
        let closed = OneShotSignal()

        init(channel: any Channel) {
            self.channel = channel
            channel.closeFuture.whenComplete { [closed] _ in closed.fire() }
        }

        /// Asks the connection to stop after the call in progress, or now if idle.
        func requestShutdown() {
            let closeNow = state.withLock { state -> Bool in
                state.shutdownRequested = true
                return !state.busy
            }
            if closeNow {
                channel.close(promise: nil)
            }
        }

        /// Marks a call as started; `false` when the connection should stop instead.
        func beginCall() -> Bool {
            state.withLock { state in
                guard !state.shutdownRequested else { return false }
                state.busy = true
                return true
            }
        }

        /// Marks the call as finished; `false` when the connection should stop now.
        func endCall() -> Bool {
            state.withLock { state in
                state.busy = false
                return !state.shutdownRequested
            }
        }
    }

    /// Serves the connection until it closes. Never throws: every failure is logged and ends
    /// only this connection.
    func run(service: VarlinkService, internalErrorName: String, logger: Logger) async {
        started.store(true, ordering: .releasing)
        let control = self.control
        var connectionLogger = logger
        connectionLogger[metadataKey: "varlink.connection"] = "\(id)"
        if let peer {
            connectionLogger[metadataKey: "varlink.peer"] = "\(peer)"
        }
        let logger = connectionLogger
        logger.debug("Connection accepted")
        let info = VarlinkConnectionInfo(id: id, peer: peer)
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        try await Self.serveCalls(
                            inbound: inbound, outbound: outbound, control: control, service: service, info: info,
                            internalErrorName: internalErrorName, logger: logger)
                    }
                    group.addTask { [control] in
                        // When the peer goes away mid-call, cancel the call.
                        await control.closed.wait()
                    }
                    _ = try await group.next()
                    group.cancelAll()
                }
            }
            logger.debug("Connection closed")
        } catch let error as VarlinkFrameError {
            logger.notice("Closing connection: \(error)")
        } catch let error as VarlinkMessageError {
            logger.notice("Closing connection after malformed message: \(error)")
        } catch is CancellationError {
            logger.debug("Connection cancelled")
        } catch {
            logger.debug("Connection ended: \(error)")
        }
    }

    private static func serveCalls(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        control: Control,
        service: VarlinkService,
        info: VarlinkConnectionInfo,
        internalErrorName: String,
        logger: Logger
    ) async throws {
        for try await message in inbound {
            guard control.beginCall() else { return }
            let call: VarlinkCall
            do {
                call = try VarlinkCall(parsing: message.readableBytesView)
            } catch {
                _ = control.endCall()
                throw error
            }
            try await service.dispatch(
                call, connection: info, logger: logger, internalErrorName: internalErrorName
            ) { reply in
                try await outbound.write(ByteBuffer(bytes: reply.encoded()))
            }
            guard control.endCall() else { return }
        }
    }
}
