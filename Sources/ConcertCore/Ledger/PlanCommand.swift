import Foundation

/// A request to change the plan's state, checked by `decide` before anything is recorded.
public enum PlanCommand: Hashable, Sendable {
    /// A progress report on a measure: its stage, indicator values and a note.
    case report(ProgressReport)
    /// A new deadline for a measure, with the reason.
    case replan(Replan)
    /// Takes a completed measure back to in progress; coordinators only, with a reason.
    case reopen(Reopen)
    /// Records that a measure has passed its deadline unfinished; the monitor's command.
    case markOverdue(MarkOverdue)
    /// Places a meeting on the calendar; a body agent's command.
    case scheduleMeeting(PlannedMeeting)
    /// Freezes a meeting's agenda and sends the convocation; a body agent's command.
    case conveneMeeting(meeting: String)
    /// Moves one meeting; coordinators only.
    case rescheduleMeeting(MeetingReschedule)
    /// Cancels one meeting; coordinators only, with a reason.
    case cancelMeeting(meeting: String, reason: String)
    /// Calls a meeting outside the body's cadence; coordinators only, with a reason.
    case callExtraordinaryMeeting(ExtraordinaryMeeting)
    /// Puts an item on a meeting's agenda: a coordinator's, or an escalation's when an agent sends it.
    case addAgendaItem(AgendaItemRequest)
    /// Records a meeting's attendance and decisions; the decisions' tasks are created and routed.
    case recordMinutes(MinutesDraft)
    /// A focal point takes a task on.
    case acknowledgeTask(task: String)
    case completeTask(TaskCompletion)
    /// A coordinator hands a task to someone else.
    case reassignTask(TaskReassignment)
    /// A focal point will be away; a stand-in takes what is routed to it meanwhile.
    case setAway(Absence)
    /// Reminds the focal points of the measures whose report for the period is still missing; an agent's.
    case remindReports(period: ReportingPeriod)
    /// Records that a measure's report for the period did not come; an agent's.
    case markReportMissed(measure: MeasureID, period: ReportingPeriod)
    /// Records that a task passed its due day unfinished; an agent's.
    case markTaskOverdue(task: String)
    /// Repeats, raises, resumes or re-places an escalation when its time comes; an agent's.
    case advanceEscalation(EscalationAdvance)
    /// Stops the repeats at an escalation's current level (it still climbs).
    case acknowledgeEscalation(id: String)
    /// Pauses an escalation until a day; coordinators only, with a reason.
    case snoozeEscalation(EscalationSnooze)

    /// Whether the command reports on, replans, reopens or marks a measure.
    var isAboutMeasureProgress: Bool {
        switch self {
        case .report, .replan, .reopen, .markOverdue: return true
        default: return false
        }
    }

    /// The measure the command is about, for the commands about a measure.
    public var measure: MeasureID? {
        switch self {
        case .report(let report): return report.measure
        case .replan(let replan): return replan.measure
        case .reopen(let reopen): return reopen.measure
        case .markOverdue(let mark): return mark.measure
        default: return nil
        }
    }
}

public struct ProgressReport: Hashable, Sendable {
    public var measure: MeasureID
    public var stage: Stage
    public var indicators: [String: Double]
    public var note: String?

    public init(measure: MeasureID, stage: Stage, indicators: [String: Double] = [:], note: String? = nil) {
        self.measure = measure
        self.stage = stage
        self.indicators = indicators
        self.note = note
    }
}

public struct Replan: Hashable, Sendable {
    public var measure: MeasureID
    public var deadline: CalendarDate
    public var reason: String

    public init(measure: MeasureID, deadline: CalendarDate, reason: String) {
        self.measure = measure
        self.deadline = deadline
        self.reason = reason
    }
}

public struct Reopen: Hashable, Sendable {
    public var measure: MeasureID
    public var reason: String

    public init(measure: MeasureID, reason: String) {
        self.measure = measure
        self.reason = reason
    }
}

public struct MarkOverdue: Hashable, Sendable {
    public var measure: MeasureID
    /// The deadline the measure missed; the command is refused if the deadline has changed.
    public var deadline: CalendarDate

    public init(measure: MeasureID, deadline: CalendarDate) {
        self.measure = measure
        self.deadline = deadline
    }
}

/// A command with who sent it and its id, which every resulting event carries.
public struct CommandEnvelope: Hashable, Sendable {
    public var id: String
    public var author: Author
    public var command: PlanCommand

    public init(id: String = UUID().uuidString.lowercased(), author: Author, command: PlanCommand) {
        self.id = id
        self.author = author
        self.command = command
    }
}
