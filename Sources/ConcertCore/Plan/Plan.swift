/// A national implementation plan: its tree of axes, objectives and measures, the entities
/// and focal points that carry it, the bodies that coordinate it, and its business calendar.
///
/// A plan is configuration, read from Workflows/; what happens to it over time is in the
/// event log and folded into `PlanState`.
public struct Plan: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    /// IANA time zone in which deadlines are days, e.g. `Europe/Lisbon`.
    public var timeZone: String
    public var start: CalendarDate
    public var end: CalendarDate
    public var axes: [Axis]
    public var objectives: [Objective]
    public var thematicAreas: [ThematicArea]
    public var measures: [Measure]
    public var entities: [Entity]
    public var focalPoints: [FocalPoint]
    public var bodies: [Body]
    /// Working days, hours and holidays (the `calendar:` section); `.standard` when undeclared.
    public var calendar: BusinessCalendarDeclaration
    /// The reporting cycle and escalation ladders (the `monitoring:` section); none when undeclared.
    public var monitoring: MonitoringPolicy

    public init(
        id: String, title: String, timeZone: String, start: CalendarDate, end: CalendarDate,
        axes: [Axis] = [], objectives: [Objective] = [], thematicAreas: [ThematicArea] = [],
        measures: [Measure] = [], entities: [Entity] = [], focalPoints: [FocalPoint] = [],
        bodies: [Body] = [], calendar: BusinessCalendarDeclaration = .standard, monitoring: MonitoringPolicy = .none
    ) {
        self.id = id
        self.title = title
        self.timeZone = timeZone
        self.start = start
        self.end = end
        self.axes = axes
        self.objectives = objectives
        self.thematicAreas = thematicAreas
        self.measures = measures
        self.entities = entities
        self.focalPoints = focalPoints
        self.bodies = bodies
        self.calendar = calendar
        self.monitoring = monitoring
    }
}
