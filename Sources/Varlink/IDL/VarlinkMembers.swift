/// A `type Name (...)` declaration.
public struct VarlinkTypeDefinition: Sendable, Hashable {
    /// The type name, `UpperCamelCase`.
    public var name: String
    /// The defined type: always ``VarlinkType/structure(_:)`` or
    /// ``VarlinkType/enumeration(_:)``.
    public var type: VarlinkType
    /// The `#` comment lines directly above the declaration, without the `#` and one space.
    public var documentation: String

    /// Creates a type definition.
    public init(name: String, type: VarlinkType, documentation: String = "") {
        self.name = name
        self.type = type
        self.documentation = documentation
    }
}

/// A `method Name(...) -> (...)` declaration.
public struct VarlinkMethod: Sendable, Hashable {
    /// The method name, `UpperCamelCase`.
    public var name: String
    /// The input parameters.
    public var input: [VarlinkField]
    /// The output parameters.
    public var output: [VarlinkField]
    /// The `#` comment lines directly above the declaration, without the `#` and one space.
    public var documentation: String

    /// Creates a method.
    public init(name: String, input: [VarlinkField], output: [VarlinkField], documentation: String = "") {
        self.name = name
        self.input = input
        self.output = output
        self.documentation = documentation
    }
}

/// An `error Name (...)` declaration.
public struct VarlinkErrorDefinition: Sendable, Hashable {
    /// The error name, `UpperCamelCase`.
    public var name: String
    /// The error's parameters.
    public var parameters: [VarlinkField]
    /// The `#` comment lines directly above the declaration, without the `#` and one space.
    public var documentation: String

    /// Creates an error definition.
    public init(name: String, parameters: [VarlinkField], documentation: String = "") {
        self.name = name
        self.parameters = parameters
        self.documentation = documentation
    }
}
