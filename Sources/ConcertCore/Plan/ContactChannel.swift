/// One way to reach a focal point.
public struct ContactChannel: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        /// An e-mail address; notices go by mail.
        case email
        /// A telephone number, for people, not for notices.
        case phone
    }

    public var kind: Kind
    public var address: String

    public init(kind: Kind, address: String) {
        self.kind = kind
        self.address = address
    }
}
