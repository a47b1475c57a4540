import Foundation

/// A decision created a task and the focal-point network routed it.
public struct TaskCreated: Hashable, Codable, Sendable {
    public var task: String
    public var title: String
    public var owner: EntityID
    public var assignee: FocalPointID?
    public var routing: String
    public var due: CalendarDate
    public var measure: MeasureID?
    public var meeting: String?
    public var decision: Int?
    public var item: Int?

    public init(
        task: String, title: String, owner: EntityID, assignee: FocalPointID?, routing: String, due: CalendarDate,
        measure: MeasureID?, meeting: String?, decision: Int?, item: Int?
    ) {
        self.task = task
        self.title = title
        self.owner = owner
        self.assignee = assignee
        self.routing = routing
        self.due = due
        self.measure = measure
        self.meeting = meeting
        self.decision = decision
        self.item = item
    }
}

/// The task's focal point took it on.
public struct TaskAcknowledged: Hashable, Codable, Sendable {
    public var task: String

    public init(task: String) { self.task = task }
}

/// The task is done.
public struct TaskCompleted: Hashable, Codable, Sendable {
    public var task: String
    public var note: String?

    public init(task: String, note: String?) {
        self.task = task
        self.note = note
    }
}

/// A coordinator gave the task to another entity or focal point.
public struct TaskReassigned: Hashable, Codable, Sendable {
    public var task: String
    public var owner: EntityID
    public var assignee: FocalPointID?
    public var routing: String
    public var reason: String

    public init(task: String, owner: EntityID, assignee: FocalPointID?, routing: String, reason: String) {
        self.task = task
        self.owner = owner
        self.assignee = assignee
        self.routing = routing
        self.reason = reason
    }
}

/// A focal point will be away; what is routed to it goes to the stand-in meanwhile.
public struct FocalPointAway: Hashable, Codable, Sendable {
    public var absence: Absence

    public init(absence: Absence) { self.absence = absence }
}
