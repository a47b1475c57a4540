/// The reply of `org.varlink.service.GetInfo`.
public struct VarlinkServiceInfo: Sendable, Hashable, Codable {
    /// Who makes the service.
    public var vendor: String
    /// The product name.
    public var product: String
    /// The version.
    public var version: String
    /// The home page.
    public var url: String
    /// The interfaces the service implements.
    public var interfaces: [String]

    /// Creates service information.
    public init(vendor: String, product: String, version: String, url: String, interfaces: [String]) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
        self.interfaces = interfaces
    }
}
