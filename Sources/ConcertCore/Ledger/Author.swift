/// Who caused an event: a person at the control socket, or one of the daemon's agents.
public struct Author: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Codable, Sendable {
        case user
        case agent
    }

    public var kind: Kind
    /// The Unix uid of a user; nil for an agent.
    public var uid: UInt32?
    /// The user name, or the agent's name (`monitor`, `committee`).
    public var name: String
    public var role: Role

    public init(kind: Kind, uid: UInt32?, name: String, role: Role) {
        self.kind = kind
        self.uid = uid
        self.name = name
        self.role = role
    }

    /// A person connected to the control socket.
    public static func user(uid: UInt32, name: String, role: Role) -> Author {
        Author(kind: .user, uid: uid, name: name, role: role)
    }

    /// One of the daemon's agents.
    public static func agent(_ name: String) -> Author {
        Author(kind: .agent, uid: nil, name: name, role: .agent)
    }

    public var description: String {
        switch kind {
        case .user: return "\(name) (uid \(uid.map(String.init) ?? "?"), \(role.rawValue))"
        case .agent: return "agent \(name)"
        }
    }
}
