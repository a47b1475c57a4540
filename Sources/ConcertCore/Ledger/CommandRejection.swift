import Foundation

/// Why `decide` refused a command. Nothing is recorded for a refused command.
public struct CommandRejection: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// The plan has no measure with this id.
        case noSuchMeasure(MeasureID)
        /// A report may not move the measure from one stage to the other.
        case stageTransitionNotAllowed(measure: MeasureID, from: Stage, to: Stage)
        /// A continuous measure cannot be completed before the plan ends.
        case continuousMeasureNotCompletable(measure: MeasureID, planEnd: CalendarDate)
        /// The measure declares no indicator of this name.
        case unknownIndicator(measure: MeasureID, indicator: String, known: [String])
        /// An indicator value is not a finite number.
        case invalidIndicatorValue(measure: MeasureID, indicator: String)
        /// A replan or reopen must say why.
        case reasonRequired
        /// A text field exceeds its limit.
        case textTooLong(field: String, limit: Int)
        /// A new deadline outside the plan's span.
        case deadlineOutsidePlan(deadline: CalendarDate, start: CalendarDate, end: CalendarDate)
        /// A continuous measure has no deadline to change.
        case continuousMeasureHasNoDeadline(MeasureID)
        /// Only a completed measure can be reopened; a completed one cannot be replanned.
        case measureNotCompleted(MeasureID)
        case measureCompleted(MeasureID)
        /// The measure is not (or no longer) past the given deadline, or is already marked.
        case notOverdue(MeasureID)
        case noSuchBody(BodyID)
        case noSuchMeeting(String)
        /// The meeting is already on the calendar, or no longer waiting to be convened.
        case meetingAlreadyScheduled(String)
        case meetingNotWaiting(String)
        /// The meeting is held or cancelled and can no longer change.
        case meetingClosed(meeting: String, status: MeetingRecord.Status)
        /// Minutes need a convened meeting that has started.
        case meetingNotConvened(String)
        case meetingNotStarted(meeting: String, start: Date)
        case noSuchTask(String)
        /// The task is past the state the command needs (acknowledged, completed).
        case taskNotOpen(task: String, status: TaskRecord.Status)
        case noSuchFocalPoint(FocalPointID)
        case noSuchEntity(EntityID)
        /// An entity in the minutes is not a member of the body.
        case notAMember(entity: EntityID, body: BodyID)
        case noSuchAgendaItem(meeting: String, number: Int)
        case noSuchEscalation(String)
        /// The escalation is resolved, or not in the state the command needs.
        case escalationNotActive(escalation: String, state: EscalationRecord.State)
        /// The escalation moved on since the agent looked; nothing is done.
        case escalationMoved(String)
        /// An agenda level needs a meeting of the body ahead, and none is placed yet.
        case noMeetingAhead(BodyID)
        /// An agent's timed action found nothing to do (already done, or not yet due).
        case nothingDue(String)
        /// A field's value is not acceptable; the message says why.
        case invalidArgument(field: String, message: String)
        /// The caller's role does not allow the command.
        case permissionDenied(required: Role, actual: Role)
    }

    public var code: Code

    public init(_ code: Code) { self.code = code }

    public var description: String {
        switch code {
        case .noSuchMeasure(let id):
            return "no measure named \(id)"
        case .stageTransitionNotAllowed(let m, let from, let to):
            if from == .completed {
                return "measure \(m) is completed; a coordinator can reopen it with a reason"
            }
            return "measure \(m) cannot go from \(from.rawValue) back to \(to.rawValue)"
        case .continuousMeasureNotCompletable(let m, let end):
            return "measure \(m) is continuous and cannot be completed before the plan ends on \(end)"
        case .unknownIndicator(let m, let name, let known):
            let list = known.isEmpty ? "it declares none" : "it declares: " + known.joined(separator: ", ")
            return "measure \(m) has no indicator named '\(name)'; \(list)"
        case .invalidIndicatorValue(let m, let name):
            return "indicator '\(name)' of measure \(m) must be a finite number"
        case .reasonRequired:
            return "a reason is required"
        case .textTooLong(let field, let limit):
            return "\(field) is longer than \(limit) characters"
        case .deadlineOutsidePlan(let d, let start, let end):
            return "deadline \(d) is outside the plan's span, \(start) to \(end)"
        case .continuousMeasureHasNoDeadline(let m):
            return "measure \(m) is continuous and has no deadline to change"
        case .measureNotCompleted(let m):
            return "measure \(m) is not completed, so there is nothing to reopen"
        case .measureCompleted(let m):
            return "measure \(m) is completed; reopen it before replanning"
        case .noSuchBody(let b):
            return "no body named \(b)"
        case .noSuchMeeting(let m):
            return "no meeting named \(m)"
        case .meetingAlreadyScheduled(let m):
            return "meeting \(m) is already scheduled"
        case .meetingNotWaiting(let m):
            return "meeting \(m) is not waiting to be convened"
        case .notOverdue(let m):
            return "measure \(m) is not newly overdue against that deadline"
        case .meetingClosed(let m, let status):
            return "meeting \(m) is \(status.rawValue) and can no longer change"
        case .meetingNotConvened(let m):
            return "meeting \(m) has not been convened, so it has no agenda to record minutes against"
        case .meetingNotStarted(let m, let start):
            return "meeting \(m) starts at \(start.formatted(.iso8601)); record its minutes after it starts"
        case .noSuchTask(let t):
            return "no task named \(t)"
        case .taskNotOpen(let t, let status):
            return "task \(t) is already \(status.rawValue)"
        case .noSuchFocalPoint(let f):
            return "no focal point named \(f)"
        case .noSuchEntity(let e):
            return "no entity named \(e)"
        case .notAMember(let e, let b):
            return "\(e) is not a member of \(b)"
        case .noSuchAgendaItem(let m, let n):
            return "meeting \(m) has no agenda item \(n)"
        case .noSuchEscalation(let e):
            return "no escalation named \(e)"
        case .escalationNotActive(let e, let state):
            return "escalation \(e) is \(state.rawValue)"
        case .escalationMoved(let e):
            return "escalation \(e) has moved on since"
        case .noMeetingAhead(let b):
            return "\(b) has no meeting ahead to put the matter on"
        case .nothingDue(let what):
            return "nothing to do: \(what)"
        case .invalidArgument(let field, let message):
            return "\(field): \(message)"
        case .permissionDenied(let required, let actual):
            return "this needs the \(required.rawValue) role; you are \(actual.rawValue)"
        }
    }
}
