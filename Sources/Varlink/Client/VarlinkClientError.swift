/// A client-side failure that is not a Varlink error reply.
public struct VarlinkClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: Sendable, Hashable {
        /// The address is not `unix:PATH` or a plain path.
        case invalidAddress
        /// The server closed the connection.
        case connectionClosed
        /// The server sent something the protocol does not allow (malformed JSON, `continues`
        /// on a reply to a call without `more`, ...).
        case protocolViolation
        /// An earlier failure (or an abandoned reply stream, or a cancelled call) left the
        /// connection in an unknown state; it no longer accepts calls.
        case connectionUnusable
        /// The parameters did not encode as a JSON object.
        case invalidParameters
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
