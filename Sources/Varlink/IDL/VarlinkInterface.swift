/// A parsed interface description.
///
/// Create one with ``init(parsing:)``. ``description`` keeps the text exactly as given, which
/// is what `org.varlink.service.GetInterfaceDescription` returns.
public struct VarlinkInterface: Sendable, Hashable {
    /// The interface name, e.g. `org.varlink.service`.
    public let name: String
    /// The description text, verbatim.
    public let description: String
    /// The comment block directly above `interface`.
    public let documentation: String
    /// The `type` declarations, in order.
    public let types: [VarlinkTypeDefinition]
    /// The `method` declarations, in order.
    public let methods: [VarlinkMethod]
    /// The `error` declarations, in order.
    public let errors: [VarlinkErrorDefinition]

    private let typeIndex: [String: Int]
    private let methodIndex: [String: Int]
    private let errorIndex: [String: Int]

    init(
        name: String, description: String, documentation: String, types: [VarlinkTypeDefinition],
        methods: [VarlinkMethod], errors: [VarlinkErrorDefinition]
    ) {
        self.name = name
        self.description = description
        self.documentation = documentation
        self.types = types
        self.methods = methods
        self.errors = errors
        self.typeIndex = Dictionary(types.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.methodIndex = Dictionary(
            methods.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.errorIndex = Dictionary(errors.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Parses an interface description.
    ///
    /// - Parameter description: The description text; kept verbatim in ``description``.
    /// - Throws: ``VarlinkIDLError`` with the line and column of the first problem.
    public init(parsing description: String) throws(VarlinkIDLError) {
        self = try VarlinkIDLParser.parse(description)
    }

    /// The method named `name` (unqualified, e.g. `GetInfo`).
    public func method(named name: String) -> VarlinkMethod? {
        methodIndex[name].map { methods[$0] }
    }

    /// The type definition named `name`.
    public func type(named name: String) -> VarlinkTypeDefinition? {
        typeIndex[name].map { types[$0] }
    }

    /// The error definition named `name` (unqualified).
    public func error(named name: String) -> VarlinkErrorDefinition? {
        errorIndex[name].map { errors[$0] }
    }
}
