import ConcertCore
import Foundation
import ICalendar

/// Builds the `VEVENT` of one meeting from a plan state; ``MeetingInvitation`` is its face.
struct MeetingEventBuilder {
    let state: PlanState

    /// The event of `meeting`; `holiday` is the one it was moved away from, if known.
    func event(for meeting: MeetingRecord, holiday: Holiday?, stamp: Date) -> ICalendarEvent {
        let body = state.body(meeting.body)
        let zone = TimeZone(identifier: meeting.timeZone) ?? state.timeZone
        let name = body?.name ?? meeting.body.rawValue
        return ICalendarEvent(
            uid: MeetingInvitation.uid(of: meeting.id, in: state.plan), sequence: meeting.sequence, timestamp: stamp,
            start: .zoned(meeting.start, in: zone), end: .zoned(meeting.end, in: zone),
            summary: meeting.extraordinary ? "Extraordinary meeting: \(name)" : name,
            description: description(of: meeting, holiday: holiday), location: meeting.venue,
            status: status(of: meeting), organizer: organizer(of: body), attendees: attendees(of: meeting, body: body),
            categories: body.map { [$0.kind.rawValue] } ?? [], lastModified: meeting.updatedAt)
    }

    /// scheduled: TENTATIVE; convened, held: CONFIRMED; cancelled: CANCELLED.
    func status(of meeting: MeetingRecord) -> ICalendarEventStatus {
        switch meeting.status {
        case .scheduled: return .tentative
        case .convened, .held: return .confirmed
        case .cancelled: return .cancelled
        }
    }

    /// Why the meeting is as it is, then its numbered agenda.
    func description(of meeting: MeetingRecord, holiday: Holiday?) -> String {
        var paragraphs: [String] = []
        let reason = meeting.reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        if meeting.status == .cancelled {
            paragraphs.append("Cancelled" + (reason.map { ": \($0)" } ?? "."))
        }
        if meeting.extraordinary {
            paragraphs.append(
                "Extraordinary meeting, called outside the body's cadence."
                    + (reason.map { meeting.status == .cancelled ? "" : " Reason: \($0)" } ?? ""))
        } else if meeting.status != .cancelled, let reason {
            paragraphs.append("Rescheduled: \(reason)")
        }
        if let day = meeting.movedFrom {
            paragraphs.append("Moved from \(day) (\(holiday?.name ?? "a non-working day")).")
        }
        let agenda = state.agenda(of: meeting)
        if !agenda.isEmpty {
            let title = meeting.status == .scheduled ? "Provisional agenda:" : "Agenda:"
            paragraphs.append(([title] + agenda.map(line)).joined(separator: "\n"))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// `3. Title [M08] (carried over from committee-2027-01-12)`.
    private func line(_ item: AgendaItem) -> String {
        var text = "\(item.number). \(item.title)"
        if let measure = item.measure { text += " [\(measure)]" }
        if let from = item.carriedFrom { text += " (carried over from \(from))" }
        return text
    }

    /// The secretariat's technical focal point, else the chair's political one, with an e-mail.
    func organizer(of body: Body?) -> ICalendarOrganizer? {
        guard let body else { return nil }
        let point = reachable(body.secretariat, .technical) ?? reachable(body.chair, .political)
        return point.flatMap { point in email(of: point).map { ICalendarOrganizer(name: point.name, email: $0) } }
    }

    /// Once convened, exactly those the convocation went to; before, the focal points of the
    /// body's member entities, political before technical, without those declared only as
    /// another's deputy (as the convocation leaves them out while nobody is away). Those
    /// without e-mail are left out.
    func attendees(of meeting: MeetingRecord, body: Body?) -> [ICalendarAttendee] {
        let points: [FocalPoint]
        if meeting.convenedAt != nil || !meeting.convened.isEmpty {
            points = meeting.convened.compactMap { state.focalPoint($0) }
        } else {
            let members = Set(body?.members ?? [])
            let candidates = state.plan.focalPoints.filter { members.contains($0.entity) }
            let deputies = Set(candidates.compactMap(\.deputy))
            let byEntity = Dictionary(grouping: candidates.filter { !deputies.contains($0.id) }, by: \.entity)
            points = (body?.members ?? []).flatMap { member in
                (byEntity[member] ?? []).filter { $0.level == .political }
                    + (byEntity[member] ?? []).filter { $0.level == .technical }
            }
        }
        var seen: Set<FocalPointID> = []
        return points.compactMap { point in
            guard seen.insert(point.id).inserted, let address = email(of: point) else { return nil }
            return ICalendarAttendee(
                name: point.name, email: address, role: role(of: point, body: body), participation: .needsAction,
                rsvp: true)
        }
    }

    /// CHAIR for the chair entity's political focal point, REQ-PARTICIPANT for the other
    /// political ones, OPT-PARTICIPANT for technical ones.
    func role(of point: FocalPoint, body: Body?) -> ICalendarParticipantRole {
        switch point.level {
        case .political: return point.entity == body?.chair ? .chair : .requiredParticipant
        case .technical: return .optionalParticipant
        }
    }

    /// The entity's focal point at `level` that has an e-mail address.
    private func reachable(_ entity: EntityID?, _ level: FocalPoint.Level) -> FocalPoint? {
        guard let entity else { return nil }
        return state.plan.focalPoints.first { $0.entity == entity && $0.level == level && email(of: $0) != nil }
    }

    private func email(of point: FocalPoint) -> String? {
        point.channels.first { $0.kind == .email }?.address
    }
}
