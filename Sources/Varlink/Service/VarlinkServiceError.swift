/// A service could not be configured as asked.
public struct VarlinkServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
