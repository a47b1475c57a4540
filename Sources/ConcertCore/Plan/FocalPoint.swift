/// A person in the focal-point network, at political or technical level, for one entity.
public struct FocalPoint: Hashable, Codable, Sendable {
    public enum Level: String, Hashable, Codable, Sendable, CaseIterable {
        case political
        case technical
    }

    /// How notices reach this person.
    public enum NoticeChannel: String, Hashable, Codable, Sendable, CaseIterable {
        /// Into a Maildir of its own in the daemon's Maildir root (the default).
        case maildir
        /// Submitted to the daemon's SMTP relay, to the focal point's e-mail address.
        case smtp
        /// Written to the systemd journal as a structured entry (notice id, recipient, kind,
        /// measure, level), for a service desk or monitoring system reading the journal.
        case journal
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
    /// How notices reach this person (`notices:` in the plan).
    public var noticeChannel: NoticeChannel

    public init(
        id: FocalPointID, entity: EntityID, level: Level, name: String, unixUser: String? = nil,
        language: String = "pt-PT", channels: [ContactChannel] = [], deputy: FocalPointID? = nil,
        noticeChannel: NoticeChannel = .maildir
    ) {
        self.id = id
        self.entity = entity
        self.level = level
        self.name = name
        self.unixUser = unixUser
        self.language = language
        self.channels = channels
        self.deputy = deputy
        self.noticeChannel = noticeChannel
    }

    /// Reads a focal point, taking `maildir` for a record written before channels existed
    /// (an older snapshot).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(FocalPointID.self, forKey: .id)
        entity = try container.decode(EntityID.self, forKey: .entity)
        level = try container.decode(Level.self, forKey: .level)
        name = try container.decode(String.self, forKey: .name)
        unixUser = try container.decodeIfPresent(String.self, forKey: .unixUser)
        language = try container.decode(String.self, forKey: .language)
        channels = try container.decode([ContactChannel].self, forKey: .channels)
        deputy = try container.decodeIfPresent(FocalPointID.self, forKey: .deputy)
        noticeChannel = try container.decodeIfPresent(NoticeChannel.self, forKey: .noticeChannel) ?? .maildir
    }
}
