import ConcertCore
import ConcertNotices
import Foundation
import ICalendar

/// The bodies' meetings in a window as an iCalendar document: what the log records, then what
/// the cadences would add beyond it.
enum CalendarExport {
    /// The events for the meetings of `bodies` that start between `start` and `end`, in order
    /// of start: every recorded meeting (cancelled ones as CANCELLED, so that a subscribed
    /// calendar drops them), and each planned meeting not recorded that starts after `now`
    /// (TENTATIVE, SEQUENCE 0).
    ///
    /// - Parameters:
    ///   - limit: At most this many meetings, the earliest.
    static func events(
        of bodies: [Body], in state: PlanState, from start: Date, through end: Date, now: Date,
        calendar: BusinessCalendar, limit: Int
    ) -> [ICalendarEvent] {
        let wanted = Set(bodies.map(\.id))
        let recorded = state.meetings.values.filter { wanted.contains($0.body) && $0.start >= start && $0.start <= end }
        let projected = bodies.flatMap {
            state.plan.plannedMeetings(of: $0, from: max(start, now), through: end, calendar: calendar, limit: limit)
        }
        .filter { $0.start > now && state.meetings[$0.id] == nil }

        var meetings: [(start: Date, id: String, event: () -> ICalendarEvent)] = []
        meetings += recorded.map { meeting in
            (meeting.start, meeting.id, { MeetingInvitation.event(for: meeting, in: state, stamp: now) })
        }
        meetings += projected.map { meeting in
            (meeting.start, meeting.id, { MeetingInvitation.event(for: meeting, in: state, stamp: now) })
        }
        return meetings.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.prefix(limit).map { $0.event() }
    }

    /// ``events(of:in:from:through:now:calendar:limit:)`` as a `PUBLISH` document.
    static func document(_ events: [ICalendarEvent]) -> ICalendarDocument {
        MeetingInvitation.document(events: events, method: .publish)
    }
}
