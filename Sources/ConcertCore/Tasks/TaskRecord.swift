import Foundation

/// A piece of work a meeting's decision handed to an entity, routed to one of its focal points.
public struct TaskRecord: Hashable, Codable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable, CaseIterable {
        case open
        case acknowledged
        case completed
    }

    /// `T1`, `T2`, ... in order of creation.
    public var id: String
    public var title: String
    /// The entity that owns the work.
    public var owner: EntityID
    /// The focal point the task is routed to (nil when the owner has none).
    public var assignee: FocalPointID?
    /// Why it went to `assignee` (e.g. deputy while the focal point is away).
    public var routing: String
    /// The last day to complete it, in the plan's time zone.
    public var due: CalendarDate
    public var measure: MeasureID?
    /// The meeting, decision and agenda item that created it.
    public var meeting: String?
    public var decision: Int?
    public var item: Int?
    public var status: Status
    public var createdAt: Date
    public var acknowledgedAt: Date?
    public var completedAt: Date?
    public var note: String?
    /// The due day it was recorded overdue against, while it stays open.
    public var overdueSince: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case id, title, owner, assignee, routing, due, measure, meeting, decision, item, status, note
        case createdAt = "created_at"
        case acknowledgedAt = "acknowledged_at"
        case completedAt = "completed_at"
        case overdueSince = "overdue_since"
    }
}
