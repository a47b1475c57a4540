/// A person in the focal-point network, at political or technical level, for one entity.
public struct FocalPoint: Hashable, Codable, Sendable {
    public enum Level: String, Hashable, Codable, Sendable, CaseIterable {
        case political
        case technical
    }

    public var id: FocalPointID
    public var entity: EntityID
    public var level: Level
    public var name: String
    /// The Unix user this person uses to reach the daemon, if any.
    public var unixUser: String?
    /// Language for notices, as a BCP 47 tag (`pt-PT`, `en`).
    public var language: String
    public var channels: [ContactChannel]
    /// Who stands in while this focal point is away.
    public var deputy: FocalPointID?

    public init(
        id: FocalPointID, entity: EntityID, level: Level, name: String, unixUser: String? = nil,
        language: String = "pt-PT", channels: [ContactChannel] = [], deputy: FocalPointID? = nil
    ) {
        self.id = id
        self.entity = entity
        self.level = level
        self.name = name
        self.unixUser = unixUser
        self.language = language
        self.channels = channels
        self.deputy = deputy
    }
}
