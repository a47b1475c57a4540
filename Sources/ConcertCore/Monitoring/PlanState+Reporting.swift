import Foundation

extension PlanState {
    /// Whether a measure takes part in the monthly cycle on `day`: the plan has begun and the
    /// measure is not completed.
    public func reportsMonthly(_ measure: Measure, on day: CalendarDate) -> Bool {
        day >= plan.start && day <= plan.end && progress(of: measure).stage != .completed
    }

    /// Whether a measure's report for `period` is in: a report recorded since its window opened.
    public func hasReported(_ measure: Measure, for period: ReportingPeriod, cycle: ReportingCycle) -> Bool {
        guard let at = progress(of: measure).lastReportedAt else { return false }
        return CalendarDate(at, in: timeZone) >= cycle.window(of: period).opens
    }

    /// The measures whose report for `period` is still missing on `day`.
    public func missingReports(for period: ReportingPeriod, cycle: ReportingCycle, on day: CalendarDate) -> [Measure] {
        plan.measures.filter { reportsMonthly($0, on: day) && !hasReported($0, for: period, cycle: cycle) }
    }

    /// The entities responsible for a measure: the responsible one first, then the co-responsible.
    public func responsibleEntities(of measure: Measure) -> [EntityID] {
        var seen: Set<EntityID> = []
        return ([measure.responsible] + measure.coResponsible).filter { seen.insert($0).inserted }
    }

    /// The escalation ladder for a subject, by the plan's monitoring policy.
    public func ladder(for subject: EscalationSubject) -> EscalationLadder? {
        let policy = plan.monitoring
        switch subject {
        case .measure(let id), .report(let id, _):
            return self.measure(id).flatMap(policy.ladder(for:))
        case .task(let id):
            if let measure = tasks[id]?.measure.flatMap(self.measure) { return policy.ladder(for: measure) }
            return policy.fallbackLadder
        }
    }
}
