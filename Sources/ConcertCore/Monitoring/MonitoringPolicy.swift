/// How the plan is monitored: the monthly reporting cycle and the escalation ladders, with
/// which ladder applies to which measure (the `monitoring:` section).
public struct MonitoringPolicy: Hashable, Codable, Sendable {
    /// Nil when the plan declares no monthly reporting.
    public var reporting: ReportingCycle?
    public var ladders: [EscalationLadder]
    /// The ladder for measures, tasks and reports no override names; nil for no escalation.
    public var defaultLadder: String?
    /// Overrides by axis number, then by measure (the measure's wins).
    public var axisLadders: [Int: String]
    public var measureLadders: [MeasureID: String]
    /// How often the digestible notices (tasks, reminders, overdue and escalation notices) go
    /// to each recipient, grouped into one message; `none` sends each on its own.
    public var digest: DigestPeriod = .none

    public init(
        reporting: ReportingCycle? = nil, ladders: [EscalationLadder] = [], defaultLadder: String? = nil,
        axisLadders: [Int: String] = [:], measureLadders: [MeasureID: String] = [:], digest: DigestPeriod = .none
    ) {
        self.reporting = reporting
        self.ladders = ladders
        self.defaultLadder = defaultLadder
        self.axisLadders = axisLadders
        self.measureLadders = measureLadders
        self.digest = digest
    }

    /// No reporting cycle and no escalation.
    public static let none = MonitoringPolicy()

    /// The ladder with this id.
    public func ladder(named id: String) -> EscalationLadder? {
        ladders.first { $0.id == id }
    }

    /// The ladder for a measure: its own override, else its axis's, else the default.
    public func ladder(for measure: Measure) -> EscalationLadder? {
        let id = measureLadders[measure.id] ?? axisLadders[measure.axis] ?? defaultLadder
        return id.flatMap(ladder(named:))
    }

    /// The ladder for something not tied to a measure (a task without one).
    public var fallbackLadder: EscalationLadder? { defaultLadder.flatMap(ladder(named:)) }
}

extension MonitoringPolicy {
    private enum CodingKeys: String, CodingKey {
        case reporting, ladders, defaultLadder, axisLadders, measureLadders, digest
    }

    /// Reads a policy, also one written before `digest` existed (then `none`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reporting: try container.decodeIfPresent(ReportingCycle.self, forKey: .reporting),
            ladders: try container.decode([EscalationLadder].self, forKey: .ladders),
            defaultLadder: try container.decodeIfPresent(String.self, forKey: .defaultLadder),
            axisLadders: try container.decode([Int: String].self, forKey: .axisLadders),
            measureLadders: try container.decode([MeasureID: String].self, forKey: .measureLadders),
            digest: try container.decodeIfPresent(DigestPeriod.self, forKey: .digest) ?? DigestPeriod.none)
    }
}

/// How often digestible notices are grouped into one message per recipient (`monitoring.digest`).
public enum DigestPeriod: String, Hashable, Codable, Sendable, CaseIterable {
    /// At the opening of the next working day's working hours.
    case daily
    /// At the opening of the first working day of the next (ISO) week.
    case weekly
    /// No digest: each notice goes on its own.
    case none
}

/// The monthly reporting cycle: every month a window opens on `opensOnDay`; reports are due on
/// `dueOnDay` (of the next month when that day is not after the opening day); reminders go out
/// `remindWorkingDaysBefore` working days before the due day.
public struct ReportingCycle: Hashable, Codable, Sendable {
    public var opensOnDay: Int
    public var dueOnDay: Int
    public var remindWorkingDaysBefore: Int

    public static let dayRange = 1...28
    public static let reminderRange = 0...20

    public init(opensOnDay: Int, dueOnDay: Int, remindWorkingDaysBefore: Int) {
        self.opensOnDay = opensOnDay
        self.dueOnDay = dueOnDay
        self.remindWorkingDaysBefore = remindWorkingDaysBefore
    }
}

/// The steps an unresolved matter climbs, one level after another (level 0 is the first step).
public struct EscalationLadder: Hashable, Codable, Sendable {
    public var id: String
    public var steps: [EscalationStep]

    public init(id: String, steps: [EscalationStep]) {
        self.id = id
        self.steps = steps
    }
}

/// One level of a ladder: whom it tells, or which body's agenda it reaches, and when.
public struct EscalationStep: Hashable, Codable, Sendable {
    public enum Action: Hashable, Codable, Sendable {
        /// Notices to the responsible entities' focal points at this level.
        case notify(FocalPoint.Level)
        /// An item (with the matter's history) on the body's next meeting's agenda.
        case agenda(BodyID)
    }

    /// When a level is reached after the one before it.
    public enum Trigger: Hashable, Codable, Sendable {
        /// Working days after the previous level was reached (0 for the first level: at once).
        case workingDays(Int)
        /// Once the meeting the previous (agenda) level placed the matter on has been held.
        case afterMeeting
    }

    public var action: Action
    public var trigger: Trigger
    /// Working days between repeats of this level's notices; nil for no repeat.
    public var repeatEveryWorkingDays: Int?
    /// At most this many repeats at this level (after the first notice).
    public var maxRepeats: Int

    public static let waitRange = 0...260
    public static let repeatRange = 1...60
    public static let maxRepeatsRange = 0...20

    public init(action: Action, trigger: Trigger, repeatEveryWorkingDays: Int? = nil, maxRepeats: Int = 0) {
        self.action = action
        self.trigger = trigger
        self.repeatEveryWorkingDays = repeatEveryWorkingDays
        self.maxRepeats = maxRepeats
    }
}
