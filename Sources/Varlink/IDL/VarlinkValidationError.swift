/// A value does not match the type the interface declares for it.
public struct VarlinkValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The top-level field (parameter) the problem is in; what
    /// `org.varlink.service.InvalidParameter` reports.
    public let parameter: String
    /// The full path of the offending value, e.g. `filter.status` or `items[2].id`.
    public let path: String
    /// A short human-readable explanation.
    public let reason: String

    /// Creates an error.
    public init(parameter: String, path: String, reason: String) {
        self.parameter = parameter
        self.path = path
        self.reason = reason
    }

    /// The `org.varlink.service.InvalidParameter` error for this problem.
    public var varlinkError: VarlinkError {
        .invalidParameter(parameter)
    }

    public var description: String { "\(path): \(reason)" }
}
