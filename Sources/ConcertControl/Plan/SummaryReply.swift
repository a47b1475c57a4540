import ConcertCore

/// `io.concert.Plan.GetSummary`'s reply.
struct SummaryReply: Codable, Sendable {
    struct Counts: Codable, Sendable {
        var measures: Int
        var notStarted: Int
        var inProgress: Int
        var completed: Int
        var overdue: Int

        enum CodingKeys: String, CodingKey {
            case measures, completed, overdue
            case notStarted = "not_started"
            case inProgress = "in_progress"
        }
    }

    struct AxisCounts: Codable, Sendable {
        var axis: Int
        var title: String
        var counts: Counts
    }

    var today: String
    var total: Counts
    var continuous: Int
    var byAxis: [AxisCounts]
    var entities: Int
    var focalPoints: Int
    var bodies: Int

    enum CodingKeys: String, CodingKey {
        case today, total, continuous, entities, bodies
        case byAxis = "by_axis"
        case focalPoints = "focal_points"
    }

    init(_ summary: PlanSummary, today: CalendarDate) {
        self.today = today.description
        total = Counts(
            measures: summary.measures, notStarted: summary.notStarted, inProgress: summary.inProgress,
            completed: summary.completed, overdue: summary.overdue)
        continuous = summary.continuous
        byAxis = summary.byAxis.map {
            AxisCounts(
                axis: $0.axis, title: $0.title,
                counts: Counts(
                    measures: $0.measures, notStarted: $0.notStarted, inProgress: $0.inProgress,
                    completed: $0.completed, overdue: $0.overdue))
        }
        entities = summary.entities
        focalPoints = summary.focalPoints
        bodies = summary.bodies
    }
}
