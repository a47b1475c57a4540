/// Which measures a query wants; every criterion left nil matches all.
public struct MeasureFilter: Hashable, Sendable {
    public var axis: Int?
    public var objective: Int?
    public var thematicArea: Int?
    /// Matches the responsible or any co-responsible entity.
    public var entity: EntityID?
    public var stage: Stage?
    /// When true only overdue measures; when false only those that are not.
    public var overdue: Bool?

    public init(
        axis: Int? = nil, objective: Int? = nil, thematicArea: Int? = nil, entity: EntityID? = nil,
        stage: Stage? = nil, overdue: Bool? = nil
    ) {
        self.axis = axis
        self.objective = objective
        self.thematicArea = thematicArea
        self.entity = entity
        self.stage = stage
        self.overdue = overdue
    }
}

extension PlanState {
    /// The measures matching `filter`, in the plan's order.
    public func measures(matching filter: MeasureFilter, today: CalendarDate) -> [Measure] {
        let areaObjectives = filter.thematicArea.map { objectives(inArea: $0) }
        return plan.measures.filter { measure in
            if let axis = filter.axis, measure.axis != axis { return false }
            if let objective = filter.objective, !measure.objectives.contains(objective) { return false }
            if let areaObjectives, !measure.objectives.contains(where: areaObjectives.contains) { return false }
            if let entity = filter.entity, !measure.involvedEntities.contains(entity) { return false }
            if let stage = filter.stage, progress(of: measure).stage != stage { return false }
            if let overdue = filter.overdue, isOverdue(measure, today: today) != overdue { return false }
            return true
        }
    }
}
