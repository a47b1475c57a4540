import Foundation

/// An unresolved matter climbing its ladder, as the log records it.
public struct EscalationRecord: Hashable, Codable, Sendable {
    public enum State: String, Hashable, Codable, Sendable, CaseIterable {
        /// Climbing; notices repeat at the current level.
        case open
        /// Someone took it in hand: no more repeats at this level, but it still climbs.
        case acknowledged
        /// Paused until a day, with a reason.
        case snoozed
        case resolved
    }

    /// One line of its history.
    public struct Entry: Hashable, Codable, Sendable {
        public enum Kind: String, Hashable, Codable, Sendable {
            case started, notified, raised, placed, acknowledged, snoozed, resumed, resolved
        }

        public var at: Date
        public var kind: Kind
        public var level: Int
        /// Who caused it (a user name or an agent).
        public var by: String
        public var detail: String
    }

    /// `E1`, `E2`, ... in order.
    public var id: String
    public var subject: EscalationSubject
    /// The ladder as it was when the escalation started; later edits to Workflows/ do not move it.
    public var ladder: EscalationLadder
    /// The entities responsible for the subject, whose focal points are told.
    public var entities: [EntityID]
    public var level: Int
    public var state: State
    public var started: Date
    /// When the current level was reached.
    public var levelSince: Date
    /// Notices sent at the current level (the first one and its repeats).
    public var notices: Int
    public var lastNotified: Date?
    public var snoozedUntil: Date?
    /// The meeting the current (agenda) level placed it on.
    public var meeting: String?
    /// Focal points told so far, in the order they were first told (for threading).
    public var told: [FocalPointID]
    public var history: [Entry]

    enum CodingKeys: String, CodingKey {
        case id, subject, ladder, entities, level, state, started, notices, meeting, told, history
        case levelSince = "level_since"
        case lastNotified = "last_notified"
        case snoozedUntil = "snoozed_until"
    }

    /// The step of the current level.
    public var step: EscalationStep? { ladder.steps.indices.contains(level) ? ladder.steps[level] : nil }
    /// The step above the current level, if the ladder goes higher.
    public var nextStep: EscalationStep? { ladder.steps.indices.contains(level + 1) ? ladder.steps[level + 1] : nil }
    public var isActive: Bool { state != .resolved }
}
