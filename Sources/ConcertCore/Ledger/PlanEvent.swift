/// A fact recorded in the event log. State is a fold of these over `evolve`.
public enum PlanEvent: Hashable, Sendable {
    case progressReported(ProgressReported)
    case measureReplanned(MeasureReplanned)
    case measureReopened(MeasureReopened)
    case measureFellOverdue(MeasureFellOverdue)
    case meetingScheduled(MeetingScheduled)
    case meetingConvened(MeetingConvened)
    case meetingRescheduled(MeetingRescheduled)
    case meetingCancelled(MeetingCancelled)
    case agendaItemAdded(AgendaItemAdded)
    case minutesRecorded(MinutesRecorded)
    case taskCreated(TaskCreated)
    case taskAcknowledged(TaskAcknowledged)
    case taskCompleted(TaskCompleted)
    case taskReassigned(TaskReassigned)
    case focalPointAway(FocalPointAway)
    case reportsReminded(ReportsReminded)
    case reportMissed(ReportMissed)
    case taskFellOverdue(TaskFellOverdue)
    case escalationStarted(EscalationStarted)
    case escalationRaised(EscalationRaised)
    case escalationNotified(EscalationNotified)
    case escalationPlaced(EscalationPlaced)
    case escalationAcknowledged(EscalationAcknowledged)
    case escalationSnoozed(EscalationSnoozed)
    case escalationResumed(EscalationResumed)
    case escalationResolved(EscalationResolved)

    /// The stable name stored beside the payload (`progress_reported`, ...).
    public var kind: String {
        switch self {
        case .progressReported: return "progress_reported"
        case .measureReplanned: return "measure_replanned"
        case .measureReopened: return "measure_reopened"
        case .measureFellOverdue: return "measure_fell_overdue"
        case .meetingScheduled: return "meeting_scheduled"
        case .meetingConvened: return "meeting_convened"
        case .meetingRescheduled: return "meeting_rescheduled"
        case .meetingCancelled: return "meeting_cancelled"
        case .agendaItemAdded: return "agenda_item_added"
        case .minutesRecorded: return "minutes_recorded"
        case .taskCreated: return "task_created"
        case .taskAcknowledged: return "task_acknowledged"
        case .taskCompleted: return "task_completed"
        case .taskReassigned: return "task_reassigned"
        case .focalPointAway: return "focal_point_away"
        case .reportsReminded: return "reports_reminded"
        case .reportMissed: return "report_missed"
        case .taskFellOverdue: return "task_fell_overdue"
        case .escalationStarted: return "escalation_started"
        case .escalationRaised: return "escalation_raised"
        case .escalationNotified: return "escalation_notified"
        case .escalationPlaced: return "escalation_placed"
        case .escalationAcknowledged: return "escalation_acknowledged"
        case .escalationSnoozed: return "escalation_snoozed"
        case .escalationResumed: return "escalation_resumed"
        case .escalationResolved: return "escalation_resolved"
        }
    }

    /// The measure the event is about, for events about a measure.
    public var measure: MeasureID? {
        switch self {
        case .progressReported(let e): return e.measure
        case .measureReplanned(let e): return e.measure
        case .measureReopened(let e): return e.measure
        case .measureFellOverdue(let e): return e.measure
        case .agendaItemAdded(let e): return e.item.measure
        case .taskCreated(let e): return e.measure
        case .reportMissed(let e): return e.measure
        case .escalationStarted(let e): return e.subject.measure
        default: return nil
        }
    }

    /// What the event is about (a measure, a meeting, a task or a focal point); stored for audit queries.
    public var subject: String {
        switch self {
        case .meetingScheduled(let e): return e.meeting
        case .meetingConvened(let e): return e.meeting
        case .meetingRescheduled(let e): return e.meeting
        case .meetingCancelled(let e): return e.meeting
        case .agendaItemAdded(let e): return e.meeting
        case .minutesRecorded(let e): return e.meeting
        case .taskCreated(let e): return e.task
        case .taskAcknowledged(let e): return e.task
        case .taskCompleted(let e): return e.task
        case .taskReassigned(let e): return e.task
        case .focalPointAway(let e): return e.absence.focalPoint.rawValue
        case .reportsReminded(let e): return "reports-\(e.period)"
        case .reportMissed(let e): return e.measure.rawValue
        case .taskFellOverdue(let e): return e.task
        case .escalationStarted(let e): return e.escalation
        case .escalationRaised(let e): return e.escalation
        case .escalationNotified(let e): return e.escalation
        case .escalationPlaced(let e): return e.escalation
        case .escalationAcknowledged(let e): return e.escalation
        case .escalationSnoozed(let e): return e.escalation
        case .escalationResumed(let e): return e.escalation
        case .escalationResolved(let e): return e.escalation
        default: return measure?.rawValue ?? ""
        }
    }
}

public struct ProgressReported: Hashable, Codable, Sendable {
    public var measure: MeasureID
    public var previousStage: Stage
    public var stage: Stage
    public var indicators: [String: Double]
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case measure, stage, indicators, note
        case previousStage = "previous_stage"
    }

    public init(
        measure: MeasureID, previousStage: Stage, stage: Stage, indicators: [String: Double],
        note: String?
    ) {
        self.measure = measure
        self.previousStage = previousStage
        self.stage = stage
        self.indicators = indicators
        self.note = note
    }
}

public struct MeasureReplanned: Hashable, Codable, Sendable {
    public var measure: MeasureID
    public var previousDeadline: CalendarDate?
    public var deadline: CalendarDate
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case measure, deadline, reason
        case previousDeadline = "previous_deadline"
    }

    public init(measure: MeasureID, previousDeadline: CalendarDate?, deadline: CalendarDate, reason: String) {
        self.measure = measure
        self.previousDeadline = previousDeadline
        self.deadline = deadline
        self.reason = reason
    }
}

public struct MeasureReopened: Hashable, Codable, Sendable {
    public var measure: MeasureID
    public var reason: String

    public init(measure: MeasureID, reason: String) {
        self.measure = measure
        self.reason = reason
    }
}

public struct MeasureFellOverdue: Hashable, Codable, Sendable {
    public var measure: MeasureID
    /// The deadline it missed (for a continuous measure, the plan's end).
    public var deadline: CalendarDate
    /// Its stage when it fell overdue.
    public var stage: Stage

    public init(measure: MeasureID, deadline: CalendarDate, stage: Stage) {
        self.measure = measure
        self.deadline = deadline
        self.stage = stage
    }
}
