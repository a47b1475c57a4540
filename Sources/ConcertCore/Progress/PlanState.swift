import Foundation

/// The plan as it stands now: its configuration plus the fold of every recorded event.
public struct PlanState: Sendable {
    public private(set) var plan: Plan
    /// Progress of every measure that has any, by id. A measure without an entry is untouched.
    public internal(set) var progress: [MeasureID: MeasureProgress]
    /// Meetings the bodies' agents have placed, by id.
    public internal(set) var meetings: [String: MeetingRecord] = [:]
    /// Tasks the meetings' decisions created, by id.
    public internal(set) var tasks: [String: TaskRecord] = [:]
    /// Periods focal points are away, in the order they were declared.
    public internal(set) var absences: [Absence] = []
    /// Escalations, by id (`E1`, ...), resolved ones included.
    public internal(set) var escalations: [String: EscalationRecord] = [:]
    /// The active escalation of each subject.
    public internal(set) var activeEscalations: [EscalationSubject: String] = [:]
    /// What the monthly cycle has recorded: periods reminded, reports missed.
    public internal(set) var reporting = ReportingRecord()
    /// The sequence number of the last event folded in (0 for none).
    public internal(set) var lastSequence: Int64

    private var measureIndex: [MeasureID: Int]
    private var focalPointIndex: [FocalPointID: Int]
    private var areaObjectives: [Int: Set<Int>]

    public init(plan: Plan, progress: [MeasureID: MeasureProgress] = [:], lastSequence: Int64 = 0) {
        self.plan = plan
        self.progress = progress
        self.lastSequence = lastSequence
        self.measureIndex = [:]
        self.focalPointIndex = [:]
        self.areaObjectives = [:]
        reindex()
    }

    /// Replaces the configuration (a reload) while keeping everything recorded.
    public mutating func replacePlan(_ newPlan: Plan) {
        plan = newPlan
        reindex()
    }

    private mutating func reindex() {
        measureIndex = Dictionary(
            plan.measures.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        focalPointIndex = Dictionary(
            plan.focalPoints.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        areaObjectives = Dictionary(
            plan.thematicAreas.map { ($0.number, Set($0.objectives)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The declared measure with this id, if the plan has one.
    public func measure(_ id: MeasureID) -> Measure? {
        measureIndex[id].map { plan.measures[$0] }
    }

    /// The declared focal point with this id, if the plan has one.
    public func focalPoint(_ id: FocalPointID) -> FocalPoint? {
        focalPointIndex[id].map { plan.focalPoints[$0] }
    }

    /// The declared body with this id, if the plan has one.
    public func body(_ id: BodyID) -> Body? {
        plan.bodies.first { $0.id == id }
    }

    /// The progress of a measure, starting from its declared deadline if nothing happened yet.
    public func progress(of measure: Measure) -> MeasureProgress {
        progress[measure.id] ?? MeasureProgress(deadline: measure.deadline)
    }

    /// The objectives in a thematic area (empty for an unknown area).
    public func objectives(inArea area: Int) -> Set<Int> {
        areaObjectives[area] ?? []
    }

    /// The plan's time zone; UTC if the configured one is unknown to this system.
    public var timeZone: TimeZone {
        TimeZone(identifier: plan.timeZone) ?? TimeZone(identifier: "UTC") ?? .current
    }

    /// The day after which an unfinished measure is overdue: its deadline in force, or the
    /// plan's end for a continuous measure; nil when it is completed or has no deadline.
    public func overdueDeadline(of measure: Measure) -> CalendarDate? {
        let current = progress(of: measure)
        guard current.stage != .completed else { return nil }
        return measure.continuous ? plan.end : current.deadline
    }

    /// Whether a measure is overdue on `today` (a day in the plan's time zone).
    ///
    /// A measure is overdue when it is not completed and its deadline has passed; a continuous
    /// measure only once the plan itself has ended.
    public func isOverdue(_ measure: Measure, today: CalendarDate) -> Bool {
        let current = progress(of: measure)
        guard current.stage != .completed else { return false }
        if measure.continuous { return today > plan.end }
        guard let deadline = current.deadline else { return false }
        return today > deadline
    }
}
