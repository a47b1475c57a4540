import Foundation

/// One thing that would happen if nothing changed: a meeting held, its convocation and the
/// notices it sends, a task falling due, a measure falling overdue.
public struct ProjectedEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A meeting held (subject: the body).
        case meeting
        /// A meeting convened: its agenda frozen (subject: the meeting).
        case convocation
        /// One convocation sent to one focal point (subject: the focal point).
        case notice
        /// An open task's last day ends (subject: the task).
        case taskDue = "task_due"
        /// A measure falls overdue (subject: the measure).
        case measureOverdue = "measure_overdue"
    }

    public var at: Date
    public var kind: Kind
    /// The body, meeting, focal point, task or measure concerned.
    public var subject: String
    public var summary: String

    public init(at: Date, kind: Kind, subject: String, summary: String) {
        self.at = at
        self.kind = kind
        self.subject = subject
        self.summary = summary
    }
}

extension PlanState {
    /// What the plan's machinery would do between `now` (exclusive) and `until` (inclusive)
    /// from the current state, in order, without changing anything:
    ///
    /// - the meetings still open as recorded (scheduled or convened; not cancelled), and beyond
    ///   them the meetings the bodies' cadences and the calendar would place (those whose id is
    ///   not recorded);
    /// - the convocation of each meeting not yet convened, the body's notice in working days
    ///   before it, and one notice for each focal point it would go to on that day (a stand-in
    ///   for one who is away);
    /// - the open and acknowledged tasks whose last day ends;
    /// - the measures that would fall overdue.
    ///
    /// Entries at the same instant come in order of kind, then subject, except that each
    /// convocation is followed by its notices.
    /// - Parameter limit: at most this many entries (the earliest).
    public func projection(
        from now: Date, until: Date, calendar: BusinessCalendar, limit: Int = 10_000
    ) -> [ProjectedEntry] {
        guard until > now else { return [] }
        // Each entry with what orders it among those at the same instant: its kind and subject,
        // except that a convocation's notices follow it.
        var entries = meetingProjection(from: now, until: until, calendar: calendar, limit: limit)
        for task in tasks.values where task.status != .completed {
            let at = task.due.adding(days: 1).start(in: timeZone)
            guard at > now, at <= until else { continue }
            let assignee = task.assignee.map { focalPoint($0)?.name ?? $0.rawValue } ?? "nobody"
            entries.append(
                keyed(
                    at: at, kind: .taskDue, subject: task.id,
                    summary: "\(task.id) falls due (due \(task.due), \(task.status.rawValue)): \(task.title); "
                        + "owner \(task.owner), assigned to \(assignee)"))
        }
        for measure in plan.measures {
            guard let deadline = overdueDeadline(of: measure), progress(of: measure).overdueSince != deadline else {
                continue
            }
            let at = deadline.adding(days: 1).start(in: timeZone)
            guard at > now, at <= until else { continue }
            entries.append(
                keyed(
                    at: at, kind: .measureOverdue, subject: measure.id.rawValue,
                    summary:
                        "\(measure.id) falls overdue (deadline \(deadline), \(progress(of: measure).stage.rawValue)): \(measure.title)"
                ))
        }
        entries.sort { ($0.entry.at, $0.key) < ($1.entry.at, $1.key) }
        return entries.prefix(limit).map(\.entry)
    }

    /// An entry ordered among those at its instant by kind, then subject.
    private func keyed(
        at: Date, kind: ProjectedEntry.Kind, subject: String, summary: String
    ) -> (entry: ProjectedEntry, key: String) {
        (ProjectedEntry(at: at, kind: kind, subject: subject, summary: summary), "\(kind.rawValue) \(subject)")
    }

    /// The meetings, convocations and notices of the projection.
    private func meetingProjection(
        from now: Date, until: Date, calendar: BusinessCalendar, limit: Int
    ) -> [(entry: ProjectedEntry, key: String)] {
        // The recorded meetings still open, then what the cadences add beyond them. A meeting
        // after `until` can still be convened before it: look as far ahead as a notice reaches.
        var upcoming: [(record: MeetingRecord, holiday: Holiday?, projected: Bool)] = meetings.values
            .filter(\.isOpen)
            .map { (record: $0, holiday: $0.movedFrom.flatMap(calendar.holiday(on:)), projected: false) }
        for body in plan.bodies {
            let reach = TimeInterval(max(body.convocationNotice, 0) * 3 + 14) * 86_400
            for planned in plan.plannedMeetings(
                of: body, from: now, through: until.addingTimeInterval(reach), calendar: calendar, limit: limit)
            where planned.start > now && meetings[planned.id] == nil {
                upcoming.append(
                    (
                        record: MeetingRecord(MeetingScheduled(planned), at: now), holiday: planned.movedFrom,
                        projected: true
                    ))
            }
        }

        var entries: [(entry: ProjectedEntry, key: String)] = []
        for (meeting, holiday, projected) in upcoming {
            let body = self.body(meeting.body)
            let name = body?.name ?? meeting.body.rawValue
            let title = meeting.extraordinary ? "Extraordinary meeting: \(name)" : name
            if meeting.start > now, meeting.start <= until {
                let place = meeting.venue.map { " at \($0)" } ?? ""
                let moved = meeting.movedFrom.map { " (moved from \($0)\(holiday.map { ", \($0.name)" } ?? ""))" } ?? ""
                let status = projected ? "projected" : meeting.status.rawValue
                entries.append(
                    keyed(
                        at: meeting.start, kind: .meeting, subject: meeting.body.rawValue,
                        summary: "\(title) meets\(place)\(moved) [\(meeting.id), \(status)]"))
            }
            guard meeting.status == .scheduled, let body else { continue }
            let at = calendar.convocationTime(forMeetingAt: meeting.start, workingDaysBefore: body.convocationNotice)
            guard at > now, at <= until else { continue }
            let day = CalendarDate(at, in: timeZone)
            let recipients = convocationRecipients(of: meeting, on: day)
            let meets = CalendarDate(meeting.start, in: TimeZone(identifier: meeting.timeZone) ?? timeZone)
            let convocation = keyed(
                at: at, kind: .convocation, subject: meeting.id,
                summary: "\(title) convenes \(meeting.id) (meets \(meets)): agenda frozen, sent to "
                    + "\(recipients.count) focal point\(recipients.count == 1 ? "" : "s")")
            entries.append(convocation)
            for recipient in recipients {
                let point = focalPoint(recipient)
                var summary = "convocation for \(meeting.id) to \(point?.name ?? recipient.rawValue)"
                if let reason = standInReason(of: recipient, in: body, on: day) { summary += " (\(reason))" }
                if point?.channels.contains(where: { $0.kind == .email }) != true { summary += " (no e-mail address)" }
                entries.append(
                    (
                        ProjectedEntry(at: at, kind: .notice, subject: recipient.rawValue, summary: summary),
                        "\(convocation.key) \(ProjectedEntry.Kind.notice.rawValue) \(recipient)"
                    ))
            }
        }
        return entries
    }

    /// Why `recipient` gets on `day` what is addressed to another focal point of `body`'s
    /// members (it stands in for one who is away), if it does.
    private func standInReason(of recipient: FocalPointID, in body: Body, on day: CalendarDate) -> String? {
        let members = Set(body.members)
        for point in plan.focalPoints where members.contains(point.entity) && point.id != recipient {
            let routing = standIn(for: point.id, on: day)
            if routing.focalPoint == recipient, !routing.reason.isEmpty { return routing.reason }
        }
        return nil
    }
}
