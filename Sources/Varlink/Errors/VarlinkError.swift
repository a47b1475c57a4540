/// A Varlink error: a fully qualified error name with parameters.
///
/// Handlers throw it to send an error reply; ``VarlinkClient`` throws it when a call's reply is
/// an error. The static constructors build the standard `org.varlink.service` errors.
public struct VarlinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The fully qualified error name, e.g. `org.varlink.service.InvalidParameter`.
    public var name: String
    /// The error's parameters.
    public var parameters: [String: JSONValue]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - name: The fully qualified error name, normally declared with `error` in the
    ///     interface of the method that fails.
    ///   - parameters: The error's parameters.
    public init(name: String, parameters: [String: JSONValue] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// Creates an error whose parameters are `parameters` encoded as a JSON object.
    public init(name: String, encoding parameters: some Encodable) throws {
        self.init(name: name, parameters: try [String: JSONValue](encodingObject: parameters))
    }

    public var description: String {
        parameters.isEmpty ? name : "\(name) \(JSONValue.object(parameters))"
    }
}

extension VarlinkError {
    /// The names of the errors declared by `org.varlink.service`, plus the generic internal
    /// error this module sends for unexpected handler failures.
    public enum Name {
        /// `org.varlink.service.InterfaceNotFound`
        public static let interfaceNotFound = "org.varlink.service.InterfaceNotFound"
        /// `org.varlink.service.MethodNotFound`
        public static let methodNotFound = "org.varlink.service.MethodNotFound"
        /// `org.varlink.service.MethodNotImplemented`
        public static let methodNotImplemented = "org.varlink.service.MethodNotImplemented"
        /// `org.varlink.service.InvalidParameter`
        public static let invalidParameter = "org.varlink.service.InvalidParameter"
        /// `org.varlink.service.PermissionDenied`
        public static let permissionDenied = "org.varlink.service.PermissionDenied"
        /// `org.varlink.service.ExpectedMore`
        public static let expectedMore = "org.varlink.service.ExpectedMore"
        /// `org.varlink.service.InternalError`: not declared by the interface; the server's
        /// default reply when a handler throws something other than a ``VarlinkError`` (see
        /// ``VarlinkServerConfiguration/internalErrorName``).
        public static let internalError = "org.varlink.service.InternalError"
    }

    /// `org.varlink.service.InterfaceNotFound(interface)`.
    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkError(name: Name.interfaceNotFound, parameters: ["interface": .string(interface)])
    }

    /// `org.varlink.service.MethodNotFound(method)`.
    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError(name: Name.methodNotFound, parameters: ["method": .string(method)])
    }

    /// `org.varlink.service.MethodNotImplemented(method)`.
    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError(name: Name.methodNotImplemented, parameters: ["method": .string(method)])
    }

    /// `org.varlink.service.InvalidParameter(parameter)`.
    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError(name: Name.invalidParameter, parameters: ["parameter": .string(parameter)])
    }

    /// `org.varlink.service.PermissionDenied()`.
    public static func permissionDenied() -> VarlinkError {
        VarlinkError(name: Name.permissionDenied)
    }

    /// `org.varlink.service.ExpectedMore()`: the method must be called with `more`.
    public static func expectedMore() -> VarlinkError {
        VarlinkError(name: Name.expectedMore)
    }
}
