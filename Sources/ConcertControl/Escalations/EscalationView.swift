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
            "level_action": .string(r.step.map { action($0.action) } ?? "none"),
            "levels": .int(Int64(r.ladder.steps.count)),
            "state": .string(r.state.rawValue),
            "started": .string(Timestamps.string(r.started)),
            "level_since": .string(Timestamps.string(r.levelSince)),
            "snoozed_until": MeetingView.optional(r.snoozedUntil.map { CalendarDate($0, in: zone).description }),
            "meeting": MeetingView.optional(r.meeting),
            "told": .array(r.told.map { .string($0.rawValue) }),
            "next": .string(next(r, in: state)),
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
    static func action(_ action: EscalationStep.Action) -> String {
        switch action {
        case .notify(let level): return "notify \(level.rawValue)"
        case .agenda(let body): return "agenda \(body.rawValue)"
        }
    }

    static func entry(_ e: EscalationRecord.Entry) -> JSONValue {
        .object([
            "at": .string(Timestamps.string(e.at)), "kind": .string(e.kind.rawValue), "level": .int(Int64(e.level)),
            "by": .string(e.by), "detail": .string(e.detail),
        ])
    }

    /// What happens next and when, as the escalation agent schedules it: a repeat of the current
    /// level's notices, the climb to the next level (working days after the current level was
    /// reached, counted on the plan's business calendar, or once the meeting it is on is held),
    /// the end of a snooze.
    static func next(_ r: EscalationRecord, in state: PlanState) -> String {
        let zone = state.timeZone
        func day(_ instant: Date) -> CalendarDate { CalendarDate(instant, in: zone) }
        switch r.state {
        case .resolved: return "none: resolved"
        case .snoozed: return r.snoozedUntil.map { "resumes on \(day($0))" } ?? "resumes when the snooze ends"
        case .open, .acknowledged: break
        }
        let calendar = try? state.plan.businessCalendar()
        var parts: [String] = []
        if let step = r.step, case .agenda(let body) = step.action,
            r.meeting.flatMap({ state.meetings[$0] }).map({ $0.status == .cancelled }) ?? true
        {
            parts.append("goes on the agenda of the next meeting of \(body) once one is placed")
        }
        if r.state == .open, let step = r.step, case .notify = step.action, let every = step.repeatEveryWorkingDays,
            r.notices <= step.maxRepeats, let last = r.lastNotified, let calendar
        {
            parts.append(
                "repeats on \(calendar.adding(workingDays: every, to: day(last))) (\(r.notices) of \(step.maxRepeats))")
        }
        guard let step = r.nextStep else {
            return parts.isEmpty
                ? "none: top of the ladder" : (parts + ["then stays at the top of the ladder"]).joined(separator: "; ")
        }
        let climb = "climbs to level \(r.level + 1) (\(action(step.action)))"
        switch step.trigger {
        case .workingDays(let days):
            if let calendar {
                parts.append("\(climb) on \(calendar.adding(workingDays: days, to: day(r.levelSince)))")
            } else {
                parts.append("\(climb) \(days) working days after \(day(r.levelSince))")
            }
        case .afterMeeting:
            if let id = r.meeting, let meeting = state.meetings[id], meeting.status != .cancelled {
                parts.append(
                    meeting.status == .held
                        ? "\(climb) now: meeting \(id) was held" : "\(climb) after meeting \(id) is held")
            } else {
                parts.append("\(climb) after the meeting it is placed on is held")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// Escalations in order of starting: E1, E2, ..., E10.
    static func ordered(_ records: some Sequence<EscalationRecord>) -> [EscalationRecord] {
        records.sorted { (Int($0.id.dropFirst()) ?? Int.max, $0.id) < (Int($1.id.dropFirst()) ?? Int.max, $1.id) }
    }
}
