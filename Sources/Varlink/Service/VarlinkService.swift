/// The interfaces a server offers, with their handlers and the service's identity.
///
/// Build one, register interfaces, then hand it to ``VarlinkServer``:
/// ```swift
/// var service = VarlinkService(vendor: "Example", product: "exampled", version: "1.0",
///                              url: "https://example.org")
/// try service.register(interfaceDescription: text, handler: MyHandler())
/// ```
/// `org.varlink.service` is always present and answered by the service itself: `GetInfo`
/// lists every interface (sorted, including `org.varlink.service`) and
/// `GetInterfaceDescription` returns each registered description exactly as registered.
public struct VarlinkService: Sendable {
    struct Entry: Sendable {
        let interface: VarlinkInterface
        let handler: (any VarlinkInterfaceHandler)?
    }

    /// Who makes the service, reported by `GetInfo`.
    public var vendor: String
    /// The service's product name, reported by `GetInfo`.
    public var product: String
    /// The service's version, reported by `GetInfo`.
    public var version: String
    /// The service's home page, reported by `GetInfo`.
    public var url: String

    private(set) var entries: [String: Entry] = [:]

    /// Creates a service offering only `org.varlink.service`.
    public init(vendor: String, product: String, version: String, url: String) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
        if let builtIn = OrgVarlinkService.interface {
            entries[builtIn.name] = Entry(interface: builtIn, handler: nil)
        }
    }

    /// Registers an interface from its description text.
    ///
    /// - Parameters:
    ///   - interfaceDescription: The interface definition; served verbatim.
    ///   - handler: Handles calls to the interface's methods.
    /// - Throws: ``VarlinkIDLError`` when the description does not parse;
    ///   ``VarlinkServiceError`` when an interface of that name is already registered.
    public mutating func register(interfaceDescription: String, handler: some VarlinkInterfaceHandler) throws {
        try register(interface: VarlinkInterface(parsing: interfaceDescription), handler: handler)
    }

    /// Registers a parsed interface.
    ///
    /// - Throws: ``VarlinkServiceError`` when an interface of that name is already registered.
    public mutating func register(interface: VarlinkInterface, handler: some VarlinkInterfaceHandler) throws {
        guard entries[interface.name] == nil else {
            throw VarlinkServiceError(message: "interface \(interface.name) is already registered")
        }
        entries[interface.name] = Entry(interface: interface, handler: handler)
    }

    /// The names of all interfaces, sorted, including `org.varlink.service`.
    public var interfaceNames: [String] {
        entries.keys.sorted()
    }

    /// The interface named `name`, if registered.
    public func interface(named name: String) -> VarlinkInterface? {
        entries[name]?.interface
    }
}
