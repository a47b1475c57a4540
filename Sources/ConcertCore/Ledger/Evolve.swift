extension PlanState {
    /// Folds one recorded event into the state. Pure and total: an event about a measure the
    /// current configuration no longer declares is still kept, so nothing recorded is lost.
    public mutating func evolve(_ recorded: RecordedPlanEvent) {
        lastSequence = max(lastSequence, recorded.sequence)
        if recorded.event.isCoordination {
            evolveCoordination(recorded)
            return
        }
        guard let id = recorded.event.measure else { return }
        var entry = progress[id] ?? MeasureProgress(deadline: measure(id)?.deadline)
        let base = HistoryEntry(
            sequence: recorded.sequence, at: recorded.recordedAt, by: recorded.author, kind: .report,
            stage: entry.stage)
        switch recorded.event {
        case .progressReported(let e):
            entry.stage = e.stage
            entry.indicatorValues.merge(e.indicators) { _, new in new }
            entry.lastReportedAt = recorded.recordedAt
            if e.stage == .completed { entry.overdueSince = nil }
            var line = base
            line.stage = e.stage
            line.indicators = e.indicators
            line.note = e.note
            entry.history.append(line)
        case .measureReplanned(let e):
            entry.deadline = e.deadline
            entry.overdueSince = nil
            var line = base
            line.kind = .replan
            line.note = e.reason
            line.deadline = e.deadline
            entry.history.append(line)
        case .measureFellOverdue(let e):
            entry.overdueSince = e.deadline
            var line = base
            line.kind = .overdue
            line.deadline = e.deadline
            entry.history.append(line)
        case .measureReopened(let e):
            entry.stage = .inProgress
            var line = base
            line.kind = .reopen
            line.stage = .inProgress
            line.note = e.reason
            entry.history.append(line)
        default:
            return
        }
        progress[id] = entry
    }
}
