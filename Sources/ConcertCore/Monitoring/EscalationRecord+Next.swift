import Foundation

extension EscalationStep.Action: CustomStringConvertible {
    /// `notify technical`, `agenda secretaries-of-state`.
    public var description: String {
        switch self {
        case .notify(let level): return "notify \(level.rawValue)"
        case .agenda(let body): return "agenda \(body)"
        }
    }
}

extension PlanState {
    /// What happens next to an escalation, in words, as the escalator schedules it: a repeat of
    /// the current level's notices, the climb to the next level (working days after the current
    /// level was reached, counted on the plan's business calendar, or once the meeting it is on
    /// is held), the end of a snooze.
    public func outlook(of r: EscalationRecord) -> String {
        let zone = timeZone
        func day(_ instant: Date) -> CalendarDate { CalendarDate(instant, in: zone) }
        switch r.state {
        case .resolved: return "none: resolved"
        case .snoozed: return r.snoozedUntil.map { "resumes on \(day($0))" } ?? "resumes when the snooze ends"
        case .open, .acknowledged: break
        }
        let calendar = try? plan.businessCalendar()
        var parts: [String] = []
        if let step = r.step, case .agenda(let body) = step.action,
            r.meeting.flatMap({ meetings[$0] }).map({ $0.status == .cancelled }) ?? true
        {
            parts.append("goes on the agenda of the next meeting of \(body) once one is placed")
        }
        if r.state == .open, let step = r.step, case .notify = step.action, let every = step.repeatEveryWorkingDays,
            r.notices <= step.maxRepeats, let last = r.lastNotified, let calendar
        {
            parts.append("repeats on \(calendar.adding(workingDays: every, to: day(last))) (\(r.notices) of \(step.maxRepeats))")
        }
        guard let step = r.nextStep else {
            return parts.isEmpty
                ? "none: top of the ladder" : (parts + ["then stays at the top of the ladder"]).joined(separator: "; ")
        }
        let climb = "climbs to level \(r.level + 1) (\(step.action))"
        switch step.trigger {
        case .workingDays(let days):
            if let calendar {
                parts.append("\(climb) on \(calendar.adding(workingDays: days, to: day(r.levelSince)))")
            } else {
                parts.append("\(climb) \(days) working days after \(day(r.levelSince))")
            }
        case .afterMeeting:
            if let id = r.meeting, let meeting = meetings[id], meeting.status != .cancelled {
                parts.append(
                    meeting.status == .held ? "\(climb) now: meeting \(id) was held" : "\(climb) after meeting \(id) is held")
            } else {
                parts.append("\(climb) after the meeting it is placed on is held")
            }
        }
        return parts.joined(separator: "; ")
    }
}
