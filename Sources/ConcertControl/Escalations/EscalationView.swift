import ConcertCore
import Foundation
import Varlink

/// An escalation as `io.concert.Escalations` shows it: its subject with the title, where it
/// stands on its ladder, and what happens next and when.
enum EscalationView {
    static func object(_ r: EscalationRecord, in state: PlanState) -> JSONValue {
        let zone = state.timeZone
        let object: [String: JSONValue] = [
            "id": .string(r.id),
            "subject": subject(r.subject, in: state),
            "ladder": .string(r.ladder.id),
            "entities": .array(r.entities.map { .string($0.rawValue) }),
            "level": .int(Int64(r.level)),
            "level_action": .string(r.step.map { $0.action.description } ?? "none"),
            "levels": .int(Int64(r.ladder.steps.count)),
            "state": .string(r.state.rawValue),
            "started": .string(Timestamps.string(r.started)),
            "level_since": .string(Timestamps.string(r.levelSince)),
            "snoozed_until": MeetingView.optional(r.snoozedUntil.map { CalendarDate($0, in: zone).description }),
            "meeting": MeetingView.optional(r.meeting),
            "told": .array(r.told.map { .string($0.rawValue) }),
            "next": .string(state.outlook(of: r)),
            "history": .array(r.history.map(entry)),
        ]
        return .object(object)
    }

    static func subject(_ subject: EscalationSubject, in state: PlanState) -> JSONValue {
        let id: String
        let period: String?
        let title: String?
        switch subject {
        case .measure(let measure):
            (id, period, title) = (measure.rawValue, nil, state.measure(measure)?.title)
        case .report(let measure, let p):
            (id, period, title) = (measure.rawValue, p.description, state.measure(measure)?.title)
        case .task(let task):
            (id, period, title) = (task, nil, state.tasks[task]?.title)
        }
        return .object([
            "kind": .string(subject.kind), "id": .string(id), "period": MeetingView.optional(period),
            "title": MeetingView.optional(title),
        ])
    }

    /// `notify technical`, `agenda secretaries-of-state`.
    static func entry(_ e: EscalationRecord.Entry) -> JSONValue {
        .object([
            "at": .string(Timestamps.string(e.at)), "kind": .string(e.kind.rawValue), "level": .int(Int64(e.level)),
            "by": .string(e.by), "detail": .string(e.detail),
        ])
    }

    /// Escalations in order of starting: E1, E2, ..., E10.
    static func ordered(_ records: some Sequence<EscalationRecord>) -> [EscalationRecord] {
        records.sorted { (Int($0.id.dropFirst()) ?? Int.max, $0.id) < (Int($1.id.dropFirst()) ?? Int.max, $1.id) }
    }
}
