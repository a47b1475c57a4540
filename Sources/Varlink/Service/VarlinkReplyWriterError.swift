/// A reply could not be sent.
public struct VarlinkReplyWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: Sendable, Hashable {
        /// The final reply was already sent; nothing more can follow it.
        case alreadyReplied
        /// The call's handler has returned; its writer cannot be used any more.
        case callFinished
        /// The connection failed or was closed while sending.
        case connectionClosed
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
