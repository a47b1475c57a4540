import Foundation

/// One thing that would happen if nothing changed: a meeting held, a measure falling overdue.
public struct ProjectedEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case meeting
        case measureOverdue = "measure_overdue"
    }

    public var at: Date
    public var kind: Kind
    /// The body or measure concerned.
    public var subject: String
    public var summary: String
}

extension PlanState {
    /// What the plan's machinery would do between `now` (exclusive) and `until` (inclusive)
    /// from the current state, in order, without changing anything: the bodies' meetings as
    /// their cadences and the calendar place them, and the measures that would fall overdue.
    /// - Parameter limit: at most this many entries (the earliest).
    public func projection(
        from now: Date, until: Date, calendar: BusinessCalendar, limit: Int = 10_000
    ) -> [ProjectedEntry] {
        guard until > now else { return [] }
        var entries: [ProjectedEntry] = []
        for body in plan.bodies {
            for meeting in plan.plannedMeetings(of: body, from: now, through: until, calendar: calendar, limit: limit)
            where meeting.start > now {
                let place = meeting.venue.map { " at \($0)" } ?? ""
                let moved = meeting.movedFrom.map { " (moved from \(meeting.occurrence.date), \($0.name))" } ?? ""
                entries.append(
                    ProjectedEntry(
                        at: meeting.start, kind: .meeting, subject: body.id.rawValue,
                        summary: "\(body.name) meets\(place)\(moved)"))
            }
        }
        for measure in plan.measures {
            guard let deadline = overdueDeadline(of: measure), progress(of: measure).overdueSince != deadline else {
                continue
            }
            let at = deadline.adding(days: 1).start(in: timeZone)
            guard at > now, at <= until else { continue }
            entries.append(
                ProjectedEntry(
                    at: at, kind: .measureOverdue, subject: measure.id.rawValue,
                    summary: "\(measure.id) falls overdue (deadline \(deadline), \(progress(of: measure).stage.rawValue)): \(measure.title)"))
        }
        entries.sort { ($0.at, $0.kind.rawValue, $0.subject) < ($1.at, $1.kind.rawValue, $1.subject) }
        return Array(entries.prefix(limit))
    }
}
