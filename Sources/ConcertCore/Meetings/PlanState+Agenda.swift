import Foundation

extension PlanState {
    /// The body's most recent meeting held (minutes recorded) before this one started.
    public func previousHeldMeeting(before meeting: MeetingRecord) -> MeetingRecord? {
        meetings.values
            .filter { $0.body == meeting.body && $0.status == .held && $0.start < meeting.start && $0.id != meeting.id }
            .max { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// The items the body's previous held meeting left unresolved (other than standing ones),
    /// then the coordinators' items of the meetings cancelled since (escalations place
    /// themselves again), each once.
    public func carriedOverItems(into meeting: MeetingRecord) -> [AgendaItem] {
        let previous = previousHeldMeeting(before: meeting)
        var items: [AgendaItem] = []
        if let previous, let minutes = previous.minutes {
            let unresolved = Set(minutes.unresolved)
            items = previous.agenda
                .filter { unresolved.contains($0.number) && $0.source != .standing }
                .map { AgendaItem(title: $0.title, source: .carriedOver, measure: $0.measure, carriedFrom: previous.id) }
        }
        let since = previous?.start ?? .distantPast
        let cancelled = meetings.values
            .filter {
                $0.body == meeting.body && $0.status == .cancelled && $0.start > since && $0.start < meeting.start
                    && $0.id != meeting.id
            }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        for skipped in cancelled {
            for item in skipped.agenda + skipped.added where item.source == .added || item.source == .carriedOver {
                guard !items.contains(where: { $0.title == item.title && $0.measure == item.measure }) else { continue }
                items.append(
                    AgendaItem(title: item.title, source: .carriedOver, measure: item.measure, carriedFrom: skipped.id))
            }
        }
        return items
    }

    /// The meeting's agenda: frozen once convened; before that, as it would be frozen now:
    /// the standing items, what the previous meeting left unresolved, then the items added.
    public func agenda(of meeting: MeetingRecord) -> [AgendaItem] {
        if meeting.status != .scheduled { return meeting.agenda }
        let standing = body(meeting.body)?.standingAgenda.map { AgendaItem(title: $0, source: .standing) } ?? []
        return (standing + carriedOverItems(into: meeting) + meeting.added).numbered()
    }

    /// Who a meeting's convocation goes to on `day`: the political and technical focal points of
    /// every member entity (not those who are only someone's deputy), each replaced by its
    /// stand-in while away; no one twice.
    public func convocationRecipients(of meeting: MeetingRecord, on day: CalendarDate) -> [FocalPointID] {
        guard let body = body(meeting.body) else { return [] }
        let members = Set(body.members)
        let points = plan.focalPoints.filter { members.contains($0.entity) }
        let deputies = Set(points.compactMap(\.deputy))
        var seen: Set<FocalPointID> = []
        var recipients: [FocalPointID] = []
        for point in points where !deputies.contains(point.id) {
            guard let handler = standIn(for: point.id, on: day).focalPoint, seen.insert(handler).inserted else {
                continue
            }
            recipients.append(handler)
        }
        return recipients
    }
}
