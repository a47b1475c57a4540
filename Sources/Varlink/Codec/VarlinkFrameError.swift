/// A transport-level framing problem; the connection it happened on must be closed.
public struct VarlinkFrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: Sendable, Hashable {
        /// No NUL terminator was found within the size limit.
        case messageTooLarge
        /// A message was started but not completed in time.
        case partialMessageTimeout
    }

    /// The kind of problem.
    public let code: Code
    /// A short human-readable explanation.
    public let message: String

    /// A message exceeded `limit` bytes.
    public static func messageTooLarge(limit: Int) -> VarlinkFrameError {
        VarlinkFrameError(code: .messageTooLarge, message: "message exceeds \(limit) bytes")
    }

    /// A partial message was not completed within the configured timeout.
    public static let partialMessageTimeout = VarlinkFrameError(
        code: .partialMessageTimeout, message: "partial message not completed in time")

    public var description: String { message }
}
