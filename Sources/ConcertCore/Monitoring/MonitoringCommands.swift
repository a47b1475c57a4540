/// What the escalation agent asks when an escalation's time comes.
public struct EscalationAdvance: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable {
        /// Repeat the current level's notices.
        case repeatNotice = "repeat"
        /// Climb to the next level.
        case raise
        /// End a snooze that has run out.
        case resume
        /// Put the matter on the body's next meeting again (the one it was on was cancelled).
        case place
    }

    public var escalation: String
    public var action: Action
    /// The level the agent saw; the command is refused if the escalation has moved since.
    public var level: Int

    public init(escalation: String, action: Action, level: Int) {
        self.escalation = escalation
        self.action = action
        self.level = level
    }
}

/// A coordinator pauses an escalation.
public struct EscalationSnooze: Hashable, Sendable {
    public var escalation: String
    public var until: CalendarDate
    public var reason: String

    public init(escalation: String, until: CalendarDate, reason: String) {
        self.escalation = escalation
        self.until = until
        self.reason = reason
    }
}
