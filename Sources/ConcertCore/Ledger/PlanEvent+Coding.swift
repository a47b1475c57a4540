import Foundation

extension PlanEvent {
    /// The event's payload as JSON: the fields of its case, without the kind.
    public func encodedPayload() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch self {
        case .progressReported(let e): return try encoder.encode(e)
        case .measureReplanned(let e): return try encoder.encode(e)
        case .measureReopened(let e): return try encoder.encode(e)
        case .measureFellOverdue(let e): return try encoder.encode(e)
        case .meetingScheduled(let e): return try encoder.encode(e)
        case .meetingConvened(let e): return try encoder.encode(e)
        case .meetingRescheduled(let e): return try encoder.encode(e)
        case .meetingCancelled(let e): return try encoder.encode(e)
        case .agendaItemAdded(let e): return try encoder.encode(e)
        case .minutesRecorded(let e): return try encoder.encode(e)
        case .taskCreated(let e): return try encoder.encode(e)
        case .taskAcknowledged(let e): return try encoder.encode(e)
        case .taskCompleted(let e): return try encoder.encode(e)
        case .taskReassigned(let e): return try encoder.encode(e)
        case .focalPointAway(let e): return try encoder.encode(e)
        case .reportsReminded(let e): return try encoder.encode(e)
        case .reportMissed(let e): return try encoder.encode(e)
        case .taskFellOverdue(let e): return try encoder.encode(e)
        case .escalationStarted(let e): return try encoder.encode(e)
        case .escalationRaised(let e): return try encoder.encode(e)
        case .escalationNotified(let e): return try encoder.encode(e)
        case .escalationPlaced(let e): return try encoder.encode(e)
        case .escalationAcknowledged(let e): return try encoder.encode(e)
        case .escalationSnoozed(let e): return try encoder.encode(e)
        case .escalationResumed(let e): return try encoder.encode(e)
        case .escalationResolved(let e): return try encoder.encode(e)
        }
    }

    /// Rebuilds an event from its stored kind and payload.
    public static func decode(kind: String, payload: Data) throws -> PlanEvent {
        let decoder = JSONDecoder()
        switch kind {
        case "progress_reported":
            return .progressReported(try decoder.decode(ProgressReported.self, from: payload))
        case "measure_replanned":
            return .measureReplanned(try decoder.decode(MeasureReplanned.self, from: payload))
        case "measure_reopened":
            return .measureReopened(try decoder.decode(MeasureReopened.self, from: payload))
        case "measure_fell_overdue":
            return .measureFellOverdue(try decoder.decode(MeasureFellOverdue.self, from: payload))
        case "meeting_scheduled":
            return .meetingScheduled(try decoder.decode(MeetingScheduled.self, from: payload))
        case "meeting_convened":
            return .meetingConvened(try decoder.decode(MeetingConvened.self, from: payload))
        case "meeting_rescheduled":
            return .meetingRescheduled(try decoder.decode(MeetingRescheduled.self, from: payload))
        case "meeting_cancelled":
            return .meetingCancelled(try decoder.decode(MeetingCancelled.self, from: payload))
        case "agenda_item_added":
            return .agendaItemAdded(try decoder.decode(AgendaItemAdded.self, from: payload))
        case "minutes_recorded":
            return .minutesRecorded(try decoder.decode(MinutesRecorded.self, from: payload))
        case "task_created":
            return .taskCreated(try decoder.decode(TaskCreated.self, from: payload))
        case "task_acknowledged":
            return .taskAcknowledged(try decoder.decode(TaskAcknowledged.self, from: payload))
        case "task_completed":
            return .taskCompleted(try decoder.decode(TaskCompleted.self, from: payload))
        case "task_reassigned":
            return .taskReassigned(try decoder.decode(TaskReassigned.self, from: payload))
        case "focal_point_away":
            return .focalPointAway(try decoder.decode(FocalPointAway.self, from: payload))
        case "reports_reminded":
            return .reportsReminded(try decoder.decode(ReportsReminded.self, from: payload))
        case "report_missed":
            return .reportMissed(try decoder.decode(ReportMissed.self, from: payload))
        case "task_fell_overdue":
            return .taskFellOverdue(try decoder.decode(TaskFellOverdue.self, from: payload))
        case "escalation_started":
            return .escalationStarted(try decoder.decode(EscalationStarted.self, from: payload))
        case "escalation_raised":
            return .escalationRaised(try decoder.decode(EscalationRaised.self, from: payload))
        case "escalation_notified":
            return .escalationNotified(try decoder.decode(EscalationNotified.self, from: payload))
        case "escalation_placed":
            return .escalationPlaced(try decoder.decode(EscalationPlaced.self, from: payload))
        case "escalation_acknowledged":
            return .escalationAcknowledged(try decoder.decode(EscalationAcknowledged.self, from: payload))
        case "escalation_snoozed":
            return .escalationSnoozed(try decoder.decode(EscalationSnoozed.self, from: payload))
        case "escalation_resumed":
            return .escalationResumed(try decoder.decode(EscalationResumed.self, from: payload))
        case "escalation_resolved":
            return .escalationResolved(try decoder.decode(EscalationResolved.self, from: payload))
        default:
            throw UnknownEventKind(kind: kind)
        }
    }
}

/// An event kind in the log that this build does not know (the log was written by a newer one).
public struct UnknownEventKind: Error, CustomStringConvertible {
    public var kind: String
    public var description: String { "the event log holds an event of unknown kind '\(kind)'" }
}
