import Foundation

/// A coordinator moves one meeting.
public struct MeetingReschedule: Hashable, Sendable {
    public var meeting: String
    public var start: Date
    /// The new end; nil keeps the meeting's length.
    public var end: Date?
    /// The new venue; nil keeps the venue.
    public var venue: String?
    public var reason: String

    public init(meeting: String, start: Date, end: Date? = nil, venue: String? = nil, reason: String) {
        self.meeting = meeting
        self.start = start
        self.end = end
        self.venue = venue
        self.reason = reason
    }
}

/// A coordinator calls a meeting outside the body's cadence.
public struct ExtraordinaryMeeting: Hashable, Sendable {
    public var body: BodyID
    public var start: Date
    /// Nil for the body's usual length.
    public var durationMinutes: Int?
    /// Nil for the body's first venue.
    public var venue: String?
    public var reason: String
    /// Items to put on its agenda besides the standing ones.
    public var items: [String]

    public init(
        body: BodyID, start: Date, durationMinutes: Int? = nil, venue: String? = nil, reason: String,
        items: [String] = []
    ) {
        self.body = body
        self.start = start
        self.durationMinutes = durationMinutes
        self.venue = venue
        self.reason = reason
        self.items = items
    }
}

/// An item for a meeting's agenda: a coordinator's, or an escalation's (the agents').
public struct AgendaItemRequest: Hashable, Sendable {
    public var meeting: String
    public var title: String
    public var measure: MeasureID?

    public init(meeting: String, title: String, measure: MeasureID? = nil) {
        self.meeting = meeting
        self.title = title
        self.measure = measure
    }
}

/// The minutes of a meeting as a coordinator enters them.
public struct MinutesDraft: Hashable, Sendable {
    public struct DecisionDraft: Hashable, Sendable {
        public var text: String
        public var item: Int?
        public var tasks: [TaskDraft]

        public init(text: String, item: Int? = nil, tasks: [TaskDraft] = []) {
            self.text = text
            self.item = item
            self.tasks = tasks
        }
    }

    public struct TaskDraft: Hashable, Sendable {
        public var title: String
        public var owner: EntityID
        public var due: CalendarDate
        public var measure: MeasureID?

        public init(title: String, owner: EntityID, due: CalendarDate, measure: MeasureID? = nil) {
            self.title = title
            self.owner = owner
            self.due = due
            self.measure = measure
        }
    }

    public var meeting: String
    /// Member entities present; the other members are recorded absent.
    public var present: [EntityID]
    public var decisions: [DecisionDraft]
    /// Agenda items resolved; the rest carry over.
    public var resolved: [Int]
    public var note: String?

    public init(
        meeting: String, present: [EntityID], decisions: [DecisionDraft] = [], resolved: [Int] = [],
        note: String? = nil
    ) {
        self.meeting = meeting
        self.present = present
        self.decisions = decisions
        self.resolved = resolved
        self.note = note
    }
}
