/// Where a measure stands: the plan's three stages.
public enum Stage: String, Hashable, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case completed = "completed"

    /// Whether a progress report may move a measure from `self` to `next`.
    ///
    /// Reports only move forward (or confirm the stage); a completed measure changes only
    /// through an explicit reopen by a coordinator.
    public func allowsReport(to next: Stage) -> Bool {
        switch (self, next) {
        case (.notStarted, _): return true
        case (.inProgress, .inProgress), (.inProgress, .completed): return true
        case (.inProgress, .notStarted): return false
        case (.completed, _): return false
        }
    }
}
