import Foundation

extension PlanEvent {
    /// Whether the event is about meetings, tasks or focal points rather than a measure's progress.
    var isCoordination: Bool {
        switch self {
        case .progressReported, .measureReplanned, .measureReopened, .measureFellOverdue: return false
        default: return true
        }
    }
}

extension PlanState {
    /// Folds a meeting, task or focal-point event in.
    mutating func evolveCoordination(_ recorded: RecordedPlanEvent) {
        if evolveMonitoring(recorded) { return }
        let at = recorded.recordedAt
        switch recorded.event {
        case .meetingScheduled(let e):
            meetings[e.meeting] = MeetingRecord(e, at: at)
        case .meetingConvened(let e):
            changeMeeting(e.meeting, at: at, raisesSequence: false) {
                $0.status = .convened
                $0.agenda = e.agenda
                $0.convened = e.recipients
                $0.convenedAt = at
            }
        case .meetingRescheduled(let e):
            changeMeeting(e.meeting, at: at) {
                $0.start = e.start
                $0.end = e.end
                $0.venue = e.venue
                $0.movedFrom = nil
                $0.reason = e.reason
            }
        case .meetingCancelled(let e):
            changeMeeting(e.meeting, at: at) {
                $0.status = .cancelled
                $0.reason = e.reason
            }
        case .agendaItemAdded(let e):
            changeMeeting(e.meeting, at: at, raisesSequence: e.update) {
                if e.update { $0.agenda.append(e.item) } else { $0.added.append(e.item) }
            }
        case .minutesRecorded(let e):
            changeMeeting(e.meeting, at: at, raisesSequence: false) {
                $0.status = .held
                $0.minutes = e.minutes
            }
        case .taskCreated(let e):
            tasks[e.task] = TaskRecord(
                id: e.task, title: e.title, owner: e.owner, assignee: e.assignee, routing: e.routing, due: e.due,
                measure: e.measure, meeting: e.meeting, decision: e.decision, item: e.item, status: .open,
                createdAt: at, acknowledgedAt: nil, completedAt: nil, note: nil, overdueSince: nil)
        case .taskAcknowledged(let e):
            tasks[e.task]?.status = .acknowledged
            tasks[e.task]?.acknowledgedAt = at
        case .taskCompleted(let e):
            tasks[e.task]?.status = .completed
            tasks[e.task]?.overdueSince = nil
            tasks[e.task]?.completedAt = at
            tasks[e.task]?.note = e.note
        case .taskReassigned(let e):
            tasks[e.task]?.owner = e.owner
            tasks[e.task]?.assignee = e.assignee
            tasks[e.task]?.routing = e.routing
            if tasks[e.task]?.status == .acknowledged { tasks[e.task]?.status = .open }
        case .focalPointAway(let e):
            absences.append(e.absence)
        default:
            break
        }
    }

    private mutating func changeMeeting(
        _ id: String, at: Date, raisesSequence: Bool = true, _ change: (inout MeetingRecord) -> Void
    ) {
        guard var meeting = meetings[id] else { return }
        change(&meeting)
        if raisesSequence { meeting.sequence += 1 }
        meeting.updatedAt = at
        meetings[id] = meeting
    }
}
