import NIOCore
import NIOPosix

/// Options for ``VarlinkClient``.
public struct VarlinkClientConfiguration: Sendable {
    /// The largest reply accepted, in bytes, without its NUL terminator. Default 16 MiB.
    public var maximumMessageSize: Int
    /// How long connecting may take. Default 10 seconds.
    public var connectTimeout: Duration
    /// The event loops the connection runs on.
    public var eventLoopGroup: any EventLoopGroup

    /// Creates a configuration.
    public init(
        maximumMessageSize: Int = VarlinkFrameDecoder.defaultMaximumMessageSize,
        connectTimeout: Duration = .seconds(10),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.maximumMessageSize = maximumMessageSize
        self.connectTimeout = connectTimeout
        self.eventLoopGroup = eventLoopGroup
    }
}
