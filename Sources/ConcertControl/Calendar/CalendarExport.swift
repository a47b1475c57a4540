import ConcertCore
import Foundation
import ICalendar

/// Turns planned meetings into an iCalendar document.
enum CalendarExport {
    static let productID = "-//Concert//concertd//EN"

    static func document(
        meetings: [PlannedMeeting], plan: Plan, stamp: Date, method: ICalendarMethod = .publish
    ) throws(ICalendarError) -> ICalendarDocument {
        let bodies = Dictionary(plan.bodies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let points = Dictionary(grouping: plan.focalPoints, by: \.entity)
        func email(_ entity: EntityID?, _ level: FocalPoint.Level) -> FocalPoint? {
            guard let entity else { return nil }
            return points[entity]?.first { $0.level == level && $0.channels.contains { $0.kind == .email } }
        }
        func address(_ point: FocalPoint) -> String? { point.channels.first { $0.kind == .email }?.address }

        let events = meetings.compactMap { meeting -> ICalendarEvent? in
            guard let body = bodies[meeting.body] else { return nil }
            var description = body.standingAgenda.isEmpty
                ? "" : "Standing agenda:\n" + body.standingAgenda.map { "- \($0)" }.joined(separator: "\n")
            if let holiday = meeting.movedFrom {
                description += (description.isEmpty ? "" : "\n\n")
                    + "Moved from \(meeting.occurrence.date) (\(holiday.name))."
            }
            let organizer = (email(body.secretariat, .technical) ?? email(body.chair, .political)).flatMap { point in
                address(point).map { ICalendarOrganizer(name: point.name, email: $0) }
            }
            let attendees = body.members.compactMap { member -> ICalendarAttendee? in
                guard let point = email(member, .political), let mail = address(point) else { return nil }
                return ICalendarAttendee(
                    name: point.name, email: mail, role: member == body.chair ? .chair : .requiredParticipant,
                    participation: .needsAction, rsvp: true)
            }
            return ICalendarEvent(
                uid: "\(meeting.id)@\(plan.id).concert", sequence: 0, timestamp: stamp,
                start: .zoned(meeting.start, in: meeting.timeZone), end: .zoned(meeting.end, in: meeting.timeZone),
                summary: body.name, description: description.isEmpty ? nil : description, location: meeting.venue,
                status: .confirmed, organizer: organizer, attendees: attendees, categories: [body.kind.rawValue])
        }
        return ICalendarDocument(productID: productID, method: method, events: events)
    }
}
