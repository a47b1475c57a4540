import Logging

/// What a handler knows about the call it is handling besides the call itself.
public struct VarlinkCallContext: Sendable {
    /// A number identifying the connection within this server process, unique while it runs.
    public let connectionID: UInt64
    /// The peer's credentials, read with `SO_PEERCRED` when the connection was accepted; `nil`
    /// on platforms or sockets where they are unavailable. Use them to refuse a call with
    /// ``VarlinkError/permissionDenied()``.
    public let peer: VarlinkPeerCredentials?
    /// The interface the called method belongs to.
    public let interface: VarlinkInterface
    /// The called method's declaration.
    public let method: VarlinkMethod
    /// A logger carrying the connection id and method as metadata.
    public var logger: Logger

    /// Creates a context (handlers receive one; tests may build their own).
    public init(
        connectionID: UInt64, peer: VarlinkPeerCredentials?, interface: VarlinkInterface, method: VarlinkMethod,
        logger: Logger
    ) {
        self.connectionID = connectionID
        self.peer = peer
        self.interface = interface
        self.method = method
        self.logger = logger
    }
}
