import ConcertCore
import Foundation
import Varlink

/// A task as `io.concert.Tasks` and `io.concert.Meetings` show it, with who handles it today.
enum TaskView {
    static func object(_ t: TaskRecord, in state: PlanState, today: CalendarDate) -> JSONValue {
        let object: [String: JSONValue] = [
            "id": .string(t.id),
            "title": .string(t.title),
            "owner": .string(t.owner.rawValue),
            "assignee": MeetingView.optional(t.assignee?.rawValue),
            "handled_by": MeetingView.optional(handler(of: t, in: state, today: today)?.rawValue),
            "routing": .string(t.routing),
            "due": .string(t.due.description),
            "overdue": .bool(t.status != .completed && today > t.due),
            "measure": MeetingView.optional(t.measure?.rawValue),
            "meeting": MeetingView.optional(t.meeting),
            "decision": t.decision.map { .int(Int64($0)) } ?? .null,
            "item": t.item.map { .int(Int64($0)) } ?? .null,
            "status": .string(t.status.rawValue),
            "created_at": .string(Timestamps.string(t.createdAt)),
            "acknowledged_at": MeetingView.optional(t.acknowledgedAt.map(Timestamps.string)),
            "completed_at": MeetingView.optional(t.completedAt.map(Timestamps.string)),
            "note": MeetingView.optional(t.note),
        ]
        return .object(object)
    }

    /// Who handles a task today: its assignee, or the assignee's stand-in while away.
    static func handler(of t: TaskRecord, in state: PlanState, today: CalendarDate) -> FocalPointID? {
        t.assignee.flatMap { state.standIn(for: $0, on: today).focalPoint }
    }

    /// Tasks in order of creation: T1, T2, ..., T10.
    static func ordered(_ tasks: some Sequence<TaskRecord>) -> [TaskRecord] {
        tasks.sorted { (Int($0.id.dropFirst()) ?? Int.max, $0.id) < (Int($1.id.dropFirst()) ?? Int.max, $1.id) }
    }
}
