/// A measure of the plan: what is to be done, by whom, by when.
public struct Measure: Hashable, Codable, Sendable {
    public var id: MeasureID
    public var title: String
    public var axis: Int
    public var objectives: [Int]
    public var responsible: EntityID
    public var coResponsible: [EntityID]
    /// The deadline set by the annual action plan; nil for a continuous measure without one.
    public var deadline: CalendarDate?
    /// True when the deadline is an illustration chosen for sample data, not an official date.
    public var deadlineIsIllustrative: Bool
    /// A continuous measure runs for the plan's whole life and completes only at its end.
    public var continuous: Bool
    public var indicators: [Indicator]

    public init(
        id: MeasureID, title: String, axis: Int, objectives: [Int], responsible: EntityID,
        coResponsible: [EntityID] = [], deadline: CalendarDate?, deadlineIsIllustrative: Bool = false,
        continuous: Bool = false, indicators: [Indicator] = []
    ) {
        self.id = id
        self.title = title
        self.axis = axis
        self.objectives = objectives
        self.responsible = responsible
        self.coResponsible = coResponsible
        self.deadline = deadline
        self.deadlineIsIllustrative = deadlineIsIllustrative
        self.continuous = continuous
        self.indicators = indicators
    }

    /// Every entity with a part in the measure, responsible first.
    public var involvedEntities: [EntityID] { [responsible] + coResponsible }
}
