/// Who caused an event: a person at a terminal or one of the daemon's agents.
///
/// The store keeps the actor next to every event so that audit queries can
/// answer "who did this" without decoding the payload.
public struct EventActor: Sendable, Hashable, Codable {
    /// Whether the actor is a person or an agent of the daemon.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person, usually identified by a Unix user.
        case user
        /// One of the daemon's agents (for example the escalator).
        case agent
    }

    /// Whether the actor is a person or an agent.
    public var kind: Kind
    /// The Unix user id of a person, when known (from the socket's peer credentials).
    public var uid: UInt32?
    /// The user name of a person, or the name of an agent.
    public var name: String
    /// The role the actor acted in (for example "coordinator"), when known.
    public var role: String?

    /// Creates an actor.
    ///
    /// - Parameters:
    ///   - kind: Whether the actor is a person or an agent.
    ///   - uid: The Unix user id of a person, when known.
    ///   - name: The user name of a person, or the name of an agent.
    ///   - role: The role the actor acted in, when known.
    public init(kind: Kind, uid: UInt32? = nil, name: String, role: String? = nil) {
        self.kind = kind
        self.uid = uid
        self.name = name
        self.role = role
    }

    /// A person identified by a Unix user.
    public static func user(uid: UInt32?, name: String, role: String? = nil) -> EventActor {
        EventActor(kind: .user, uid: uid, name: name, role: role)
    }

    /// One of the daemon's agents.
    public static func agent(_ name: String, role: String? = nil) -> EventActor {
        EventActor(kind: .agent, uid: nil, name: name, role: role)
    }
}
