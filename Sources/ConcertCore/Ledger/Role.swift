/// What a caller may do with the plan.
public enum Role: String, Hashable, Codable, Sendable, CaseIterable {
    /// Replans, reopens, manages meetings, reloads; may also report.
    case coordinator
    /// Reports, acknowledges and completes for its own entity.
    case focalPoint = "focal_point"
    /// Reads only.
    case observer
    /// One of the daemon's own agents.
    case agent

    /// Whether this role may report progress on measures.
    public var mayReport: Bool { self == .coordinator || self == .focalPoint || self == .agent }
    /// Whether this role may change a measure's deadline or reopen it.
    public var mayReplan: Bool { self == .coordinator }
}
