/// A body of the coordination machinery: the committee, a working group, the monitor.
///
/// Bodies are declared with their members and cadence; their behaviour as agents
/// (meetings, agendas, convocations) builds on this declaration.
public struct Body: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        case committee
        case workingGroup = "working_group"
        case thematicGroup = "thematic_group"
        case monitoring
        case consultative
    }

    public var id: BodyID
    public var name: String
    public var kind: Kind
    public var chair: EntityID?
    public var secretariat: EntityID?
    public var members: [EntityID]
    /// An iCalendar RRULE (RFC 5545), e.g. `FREQ=MONTHLY;BYDAY=2TU`; nil for a body without a cadence.
    public var cadence: String?
    /// The first meeting's local start, `YYYY-MM-DDTHH:MM`, in `timeZone`.
    public var firstMeeting: String?
    public var timeZone: String?
    public var durationMinutes: Int?
    public var venues: [String]
    public var standingAgenda: [String]
    /// Working days between a meeting's convocation and the meeting; nil for the default.
    public var conveneWorkingDaysBefore: Int?

    /// Working days before a meeting that it is convened when a body declares nothing.
    public static let defaultConveneWorkingDaysBefore = 5

    /// Working days between this body's convocations and its meetings.
    public var convocationNotice: Int { conveneWorkingDaysBefore ?? Self.defaultConveneWorkingDaysBefore }

    public init(
        id: BodyID, name: String, kind: Kind, chair: EntityID? = nil, secretariat: EntityID? = nil,
        members: [EntityID] = [], cadence: String? = nil, firstMeeting: String? = nil,
        timeZone: String? = nil, durationMinutes: Int? = nil, venues: [String] = [],
        standingAgenda: [String] = [], conveneWorkingDaysBefore: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.chair = chair
        self.secretariat = secretariat
        self.members = members
        self.cadence = cadence
        self.firstMeeting = firstMeeting
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.venues = venues
        self.standingAgenda = standingAgenda
        self.conveneWorkingDaysBefore = conveneWorkingDaysBefore
    }
}
