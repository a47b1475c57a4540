/// A task marked done, with an optional note.
public struct TaskCompletion: Hashable, Sendable {
    public var task: String
    public var note: String?

    public init(task: String, note: String? = nil) {
        self.task = task
        self.note = note
    }
}

/// A coordinator hands a task to another entity (routed to its focal point) or to a named
/// focal point.
public struct TaskReassignment: Hashable, Sendable {
    public var task: String
    public var owner: EntityID?
    public var focalPoint: FocalPointID?
    public var reason: String

    public init(task: String, owner: EntityID? = nil, focalPoint: FocalPointID? = nil, reason: String) {
        self.task = task
        self.owner = owner
        self.focalPoint = focalPoint
        self.reason = reason
    }
}
