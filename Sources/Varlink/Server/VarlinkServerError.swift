/// The server could not start or keep listening.
public struct VarlinkServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: Sendable, Hashable {
        /// Another process is listening on the socket path.
        case addressInUse
        /// The descriptor to adopt is not a socket.
        case invalidDescriptor
        /// ``VarlinkServer/run()`` was called more than once.
        case alreadyStarted
        /// The server stopped before it was listening.
        case notListening
    }

    /// The kind of problem.
    public let code: Code
    /// A short human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
