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

extension EscalationRecord {
    /// What happens next to the escalation and when, in words and as an instant (nil when it
    /// waits on something other than time, or nothing is left to happen).
    public func next(calendar: BusinessCalendar) -> (text: String, at: Date?) {
        let zone = calendar.timeZone
        func opening(_ days: Int, after instant: Date) -> Date {
            calendar.openingTime(on: calendar.adding(workingDays: days, to: CalendarDate(instant, in: zone)))
        }
        func day(_ instant: Date) -> String { CalendarDate(instant, in: zone).description }
        switch state {
        case .resolved:
            return ("nothing: resolved", nil)
        case .snoozed:
            let until = snoozedUntil.map(day) ?? "?"
            return ("resumes on \(until)", snoozedUntil)
        case .open, .acknowledged:
            break
        }
        var repeatAt: Date?
        if state == .open, let step, case .notify = step.action, let every = step.repeatEveryWorkingDays,
            notices <= step.maxRepeats, let last = lastNotified
        {
            repeatAt = opening(every, after: last)
        }
        guard let upper = nextStep else {
            if let repeatAt { return ("notices repeat on \(day(repeatAt)); this is the ladder's top", repeatAt) }
            return ("nothing more: the top of the ladder", nil)
        }
        switch upper.trigger {
        case .workingDays(let days):
            let at = opening(days, after: levelSince)
            var text = "climbs to level \(level + 1) (\(upper.action)) on \(day(at))"
            if let repeatAt, repeatAt < at { text = "notices repeat on \(day(repeatAt)); " + text }
            return (text, repeatAt.map { min($0, at) } ?? at)
        case .afterMeeting:
            let meetingText = meeting.map { "meeting \($0) is held" } ?? "the matter is on a meeting and it is held"
            return ("climbs to level \(level + 1) (\(upper.action)) once \(meetingText)", nil)
        }
    }
}
