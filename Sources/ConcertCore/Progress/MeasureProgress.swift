import Foundation

/// What has happened to one measure: its stage, current deadline, latest indicator values.
public struct MeasureProgress: Hashable, Codable, Sendable {
    public var stage: Stage
    /// The deadline in force: the plan's, or the latest replan's.
    public var deadline: CalendarDate?
    /// The latest reported value of each indicator.
    public var indicatorValues: [String: Double]
    public var lastReportedAt: Date?
    /// The deadline the measure was recorded overdue against, while it stays so.
    public var overdueSince: CalendarDate?
    public var history: [HistoryEntry]

    public init(
        stage: Stage = .notStarted, deadline: CalendarDate?, indicatorValues: [String: Double] = [:],
        lastReportedAt: Date? = nil, overdueSince: CalendarDate? = nil, history: [HistoryEntry] = []
    ) {
        self.overdueSince = overdueSince
        self.stage = stage
        self.deadline = deadline
        self.indicatorValues = indicatorValues
        self.lastReportedAt = lastReportedAt
        self.history = history
    }
}
