import Foundation

/// Reminders went out for the monthly reports still missing in a period's window.
public struct ReportsReminded: Hashable, Codable, Sendable {
    /// One focal point and the measures it is reminded of.
    public struct Reminder: Hashable, Codable, Sendable {
        public var focalPoint: FocalPointID
        public var measures: [MeasureID]
        public var routing: String

        enum CodingKeys: String, CodingKey {
            case measures, routing
            case focalPoint = "focal_point"
        }

        public init(focalPoint: FocalPointID, measures: [MeasureID], routing: String) {
            self.focalPoint = focalPoint
            self.measures = measures
            self.routing = routing
        }
    }

    public var period: ReportingPeriod
    public var due: CalendarDate
    public var reminders: [Reminder]

    public init(period: ReportingPeriod, due: CalendarDate, reminders: [Reminder]) {
        self.period = period
        self.due = due
        self.reminders = reminders
    }
}

/// A measure's monthly report did not come in by its due day.
public struct ReportMissed: Hashable, Codable, Sendable {
    public var measure: MeasureID
    public var period: ReportingPeriod
    public var due: CalendarDate

    public init(measure: MeasureID, period: ReportingPeriod, due: CalendarDate) {
        self.measure = measure
        self.period = period
        self.due = due
    }
}

/// A task passed its due day unfinished.
public struct TaskFellOverdue: Hashable, Codable, Sendable {
    public var task: String
    public var due: CalendarDate

    public init(task: String, due: CalendarDate) {
        self.task = task
        self.due = due
    }
}

/// An escalation began, with its ladder snapshotted; it stands at level 0.
public struct EscalationStarted: Hashable, Codable, Sendable {
    public var escalation: String
    public var subject: EscalationSubject
    public var ladder: EscalationLadder
    public var entities: [EntityID]
    /// What is late and since when, in words.
    public var reason: String

    public init(escalation: String, subject: EscalationSubject, ladder: EscalationLadder, entities: [EntityID], reason: String) {
        self.escalation = escalation
        self.subject = subject
        self.ladder = ladder
        self.entities = entities
        self.reason = reason
    }
}

/// An escalation reached the next level of its ladder.
public struct EscalationRaised: Hashable, Codable, Sendable {
    public var escalation: String
    public var level: Int

    public init(escalation: String, level: Int) {
        self.escalation = escalation
        self.level = level
    }
}

/// The focal points of the current level were told (the level's first notice, or a repeat).
public struct EscalationNotified: Hashable, Codable, Sendable {
    public var escalation: String
    public var level: Int
    /// 0 for the level's first notice, then 1, 2, ... for repeats.
    public var repeatNumber: Int
    public var recipients: [FocalPointID]
    /// Those among the recipients told about this escalation for the first time (their notice
    /// opens the thread the later ones reply to).
    public var firstTold: [FocalPointID]

    enum CodingKeys: String, CodingKey {
        case escalation, level, recipients
        case repeatNumber = "repeat"
        case firstTold = "first_told"
    }

    public init(escalation: String, level: Int, repeatNumber: Int, recipients: [FocalPointID], firstTold: [FocalPointID] = []) {
        self.escalation = escalation
        self.level = level
        self.repeatNumber = repeatNumber
        self.recipients = recipients
        self.firstTold = firstTold
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        escalation = try c.decode(String.self, forKey: .escalation)
        level = try c.decode(Int.self, forKey: .level)
        repeatNumber = try c.decode(Int.self, forKey: .repeatNumber)
        recipients = try c.decode([FocalPointID].self, forKey: .recipients)
        firstTold = try c.decodeIfPresent([FocalPointID].self, forKey: .firstTold) ?? []
    }
}

/// The current (agenda) level put the matter on a body's meeting; an `agenda_item_added`
/// event in the same command carries the item.
public struct EscalationPlaced: Hashable, Codable, Sendable {
    public var escalation: String
    public var level: Int
    public var meeting: String

    public init(escalation: String, level: Int, meeting: String) {
        self.escalation = escalation
        self.level = level
        self.meeting = meeting
    }
}

/// Someone took the escalation in hand at its current level.
public struct EscalationAcknowledged: Hashable, Codable, Sendable {
    public var escalation: String
    public var level: Int

    public init(escalation: String, level: Int) {
        self.escalation = escalation
        self.level = level
    }
}

/// A coordinator paused the escalation until a day, with a reason.
public struct EscalationSnoozed: Hashable, Codable, Sendable {
    public var escalation: String
    public var until: CalendarDate
    public var reason: String

    public init(escalation: String, until: CalendarDate, reason: String) {
        self.escalation = escalation
        self.until = until
        self.reason = reason
    }
}

/// A snooze ran out; the escalation climbs again.
public struct EscalationResumed: Hashable, Codable, Sendable {
    public var escalation: String

    public init(escalation: String) { self.escalation = escalation }
}

/// The matter is settled: a completed report, an approved replan, a report in, a task done.
public struct EscalationResolved: Hashable, Codable, Sendable {
    public var escalation: String
    public var resolution: String

    public init(escalation: String, resolution: String) {
        self.escalation = escalation
        self.resolution = resolution
    }
}
