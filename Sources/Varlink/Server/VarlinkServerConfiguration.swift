import NIOCore
import NIOPosix

/// How a ``VarlinkServer`` listens and which limits it enforces.
public struct VarlinkServerConfiguration: Sendable {
    /// Where the server accepts connections.
    public enum Listener: Sendable, Hashable {
        /// Bind a Unix socket at `path`. A stale socket file (one nobody listens on) is removed
        /// first; a live one makes ``VarlinkServer/run()`` fail with
        /// ``VarlinkServerError/Code/addressInUse``. After binding, the file gets
        /// ``VarlinkServerConfiguration/socketFileMode``; on shutdown it is removed.
        case unixSocket(path: String)
        /// Adopt a socket that is already bound and listening, such as one passed by systemd
        /// socket activation (see ``VarlinkSocketActivation``). The server takes ownership and
        /// closes it when it stops; the socket file, if any, is left alone.
        case listeningSocket(descriptor: Int32)
    }

    /// Where the server accepts connections.
    public var listener: Listener
    /// The permission bits given to a socket file the server binds, or `nil` to keep what the
    /// process umask produced. Default `0o660`. (Applied right after `bind`, so there is a
    /// moment with umask permissions; put the socket in a directory with restricted access if
    /// that matters.)
    public var socketFileMode: UInt32?
    /// The largest message accepted, in bytes, without its NUL terminator. A client sending a
    /// larger one is disconnected. Default 16 MiB.
    public var maximumMessageSize: Int
    /// The most connections served at once. Connections beyond it are closed right after
    /// accept; the others are unaffected. Default 256.
    public var maximumConnections: Int
    /// How long a client may take to complete a message it started sending; a connection that
    /// exceeds it is closed. `nil` for no limit. Default 60 seconds.
    public var partialMessageTimeout: Duration?
    /// When the server stops (task cancelled or ``VarlinkServer/triggerGracefulShutdown()``),
    /// how long calls in progress may still run before they are cancelled. Default 5 seconds.
    public var shutdownGracePeriod: Duration
    /// The error name replied when a handler throws an error that is not a ``VarlinkError``.
    /// Default ``VarlinkError/Name/internalError`` (`org.varlink.service.InternalError`, a name
    /// `org.varlink.service` does not declare; no parameters are sent, the error is logged).
    public var internalErrorName: String
    /// The event loops serving the connections.
    public var eventLoopGroup: any EventLoopGroup

    /// Creates a configuration with the defaults described on each property.
    public init(
        listener: Listener,
        socketFileMode: UInt32? = 0o660,
        maximumMessageSize: Int = VarlinkFrameDecoder.defaultMaximumMessageSize,
        maximumConnections: Int = 256,
        partialMessageTimeout: Duration? = .seconds(60),
        shutdownGracePeriod: Duration = .seconds(5),
        internalErrorName: String = VarlinkError.Name.internalError,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.listener = listener
        self.socketFileMode = socketFileMode
        self.maximumMessageSize = maximumMessageSize
        self.maximumConnections = maximumConnections
        self.partialMessageTimeout = partialMessageTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.internalErrorName = internalErrorName
        self.eventLoopGroup = eventLoopGroup
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount`, saturating.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return .nanoseconds(Int64.max) }
        return .nanoseconds(nanoseconds.partialValue + attoseconds / 1_000_000_000)
    }
}
