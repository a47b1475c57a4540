/// Counts that say how the plan is doing.
public struct PlanSummary: Hashable, Codable, Sendable {
    public struct AxisCounts: Hashable, Codable, Sendable {
        public var axis: Int
        public var title: String
        public var measures: Int
        public var notStarted: Int
        public var inProgress: Int
        public var completed: Int
        public var overdue: Int
    }

    public var measures: Int
    public var notStarted: Int
    public var inProgress: Int
    public var completed: Int
    public var overdue: Int
    public var continuous: Int
    public var entities: Int
    public var focalPoints: Int
    public var bodies: Int
    public var byAxis: [AxisCounts]
}

extension PlanState {
    /// Counts of measures by stage and axis, and how many are overdue on `today`.
    public func summary(today: CalendarDate) -> PlanSummary {
        var axes = plan.axes.map {
            PlanSummary.AxisCounts(
                axis: $0.number, title: $0.title, measures: 0, notStarted: 0, inProgress: 0, completed: 0,
                overdue: 0)
        }
        let axisIndex = Dictionary(axes.enumerated().map { ($1.axis, $0) }, uniquingKeysWith: { a, _ in a })
        var total = PlanSummary(
            measures: 0, notStarted: 0, inProgress: 0, completed: 0, overdue: 0, continuous: 0,
            entities: plan.entities.count, focalPoints: plan.focalPoints.count, bodies: plan.bodies.count,
            byAxis: [])
        for measure in plan.measures {
            let stage = progress(of: measure).stage
            let late = isOverdue(measure, today: today)
            total.measures += 1
            if measure.continuous { total.continuous += 1 }
            if late { total.overdue += 1 }
            switch stage {
            case .notStarted: total.notStarted += 1
            case .inProgress: total.inProgress += 1
            case .completed: total.completed += 1
            }
            guard let i = axisIndex[measure.axis] else { continue }
            axes[i].measures += 1
            if late { axes[i].overdue += 1 }
            switch stage {
            case .notStarted: axes[i].notStarted += 1
            case .inProgress: axes[i].inProgress += 1
            case .completed: axes[i].completed += 1
            }
        }
        total.byAxis = axes
        return total
    }
}
