import ConcertCore
import Foundation

/// Turns a recorded event into the notices it causes, one per recipient, written in each
/// recipient's language:
///
/// - `meeting_convened`: a convocation to every focal point it went to, with the agenda and a
///   `METHOD:REQUEST` invitation;
/// - `meeting_rescheduled`, and `agenda_item_added` after convocation: an update to those
///   convened, with the invitation at its raised SEQUENCE;
/// - `meeting_cancelled` after convocation: a cancellation with `METHOD:CANCEL`;
/// - `task_created`, `task_reassigned`: the task to the focal point it is routed to;
/// - `reports_reminded`: a reminder to each focal point with reports still missing;
/// - `escalation_notified`: an overdue notice (level 0) or an escalation notice (higher), with
///   the escalation's history, threaded per recipient under the first one it received.
///
/// Every notice about a meeting is threaded under that recipient's convocation. The state is
/// the one after the event; a notice's id depends only on the event, so composing it again
/// gives the same message.
public struct NoticeComposer: Sendable {
    /// The domain that message ids end in.
    public var domain: String

    public init(planID: String) {
        domain = "\(planID).concert"
    }

    public func notices(for recorded: RecordedPlanEvent, in state: PlanState) -> [Notice] {
        switch recorded.event {
        case .meetingConvened(let e):
            guard let meeting = state.meetings[e.meeting] else { return [] }
            return e.recipients.compactMap {
                meetingNotice(.convocation, meeting, to: $0, change: nil, recorded: recorded, state: state)
            }
        case .meetingRescheduled(let e):
            guard let meeting = state.meetings[e.meeting], !meeting.convened.isEmpty else { return [] }
            let zone = TimeZone(identifier: meeting.timeZone) ?? state.timeZone
            return meeting.convened.compactMap { id -> Notice? in
                let language = NoticeTemplates.Language(tag: state.focalPoint(id)?.language ?? "en")
                let from = NoticeText.when(e.previousStart, in: zone, language: language)
                let change = language == .pt
                    ? "passou de \(from) para a nova data (\(e.reason))" : "moved from \(from) (\(e.reason))"
                return meetingNotice(.update, meeting, to: id, change: change, recorded: recorded, state: state)
            }
        case .agendaItemAdded(let e) where e.update:
            guard let meeting = state.meetings[e.meeting] else { return [] }
            return meeting.convened.compactMap { id -> Notice? in
                let language = NoticeTemplates.Language(tag: state.focalPoint(id)?.language ?? "en")
                let change = language == .pt
                    ? "novo ponto \(e.item.number) na ordem de trabalhos, \"\(e.item.title)\""
                    : "item \(e.item.number) added to the agenda, \"\(e.item.title)\""
                return meetingNotice(.update, meeting, to: id, change: change, recorded: recorded, state: state)
            }
        case .meetingCancelled(let e):
            guard let meeting = state.meetings[e.meeting], !meeting.convened.isEmpty else { return [] }
            return meeting.convened.compactMap {
                meetingNotice(.cancellation, meeting, to: $0, change: nil, recorded: recorded, state: state)
            }
        case .taskCreated(let e):
            guard let task = state.tasks[e.task], let assignee = e.assignee else { return [] }
            return [taskNotice(task, to: assignee, reassigned: nil, recorded: recorded, state: state)].compactMap { $0 }
        case .taskReassigned(let e):
            guard let task = state.tasks[e.task], let assignee = e.assignee else { return [] }
            return [taskNotice(task, to: assignee, reassigned: e.reason, recorded: recorded, state: state)].compactMap { $0 }
        case .reportsReminded(let e):
            return reminderNotices(e, recorded: recorded, state: state)
        case .escalationNotified(let e):
            return escalationNotices(e, recorded: recorded, state: state)
        default:
            return []
        }
    }

    /// The convocation's message id for a recipient: the root of that meeting's thread.
    public func convocationMessageID(meeting: String, recipient: FocalPointID) -> String {
        "meeting.\(NoticeText.token(meeting)).\(NoticeText.token(recipient.rawValue))@\(domain)"
    }

    private func meetingNotice(
        _ kind: Notice.Kind, _ meeting: MeetingRecord, to id: FocalPointID, change: String?,
        recorded: RecordedPlanEvent, state: PlanState
    ) -> Notice? {
        guard let point = state.focalPoint(id) else { return nil }
        let language = NoticeTemplates.Language(tag: point.language)
        let zone = TimeZone(identifier: meeting.timeZone) ?? state.timeZone
        let body = state.body(meeting.body)
        let agenda: [[String: Any]] = state.agenda(of: meeting).map { item in
            var values: [String: Any] = ["number": item.number, "title": item.title]
            if let measure = item.measure { values["measure"] = measure.rawValue }
            if let from = item.carriedFrom { values["carriedFrom"] = from }
            return values
        }
        var values: [String: Any] = [
            "recipient": point.name, "body": body?.name ?? meeting.body.rawValue, "bodyID": meeting.body.rawValue,
            "meeting": meeting.id, "when": NoticeText.when(meeting.start, in: zone, language: language),
            "until": NoticeText.when(meeting.end, in: zone, language: language), "zone": zone.identifier,
            "agenda": agenda, "plan": state.plan.title, "sequence": meeting.sequence,
            "extraordinary": meeting.extraordinary,
        ]
        if let venue = meeting.venue { values["venue"] = venue }
        if let reason = meeting.reason { values["reason"] = reason }
        if let change { values["change"] = change }
        if let standIn = standingInFor(id, meeting: meeting, state: state) { values["standIn"] = standIn }
        let name: NoticeTemplates.Name
        switch kind {
        case .convocation: name = .convocation
        case .update: name = .update
        case .cancellation: name = .cancellation
        default: return nil
        }
        let (subject, text) = NoticeTemplates.render(name, language, values)
        let calendar = try? (kind == .cancellation
            ? MeetingInvitation.cancel(for: meeting, in: state, stamp: recorded.recordedAt)
            : MeetingInvitation.request(for: meeting, in: state, stamp: recorded.recordedAt)).serialized()
        let root = convocationMessageID(meeting: meeting.id, recipient: id)
        return Notice(
            kind: kind, sequence: recorded.sequence, recipient: id, recipientName: point.name,
            recipientEmail: NoticeText.email(of: point), subjectID: meeting.id, subject: subject, text: text,
            calendar: calendar, calendarMethod: calendar == nil ? nil : (kind == .cancellation ? "CANCEL" : "REQUEST"),
            messageID: kind == .convocation ? root : "\(kind.rawValue).\(recorded.sequence).\(NoticeText.token(id.rawValue))@\(domain)",
            thread: kind == .convocation ? nil : root, date: recorded.recordedAt)
    }

    /// The name of the member focal point `id` stands in for, when the convocation went to a stand-in.
    private func standingInFor(_ id: FocalPointID, meeting: MeetingRecord, state: PlanState) -> String? {
        guard let body = state.body(meeting.body), let day = meeting.convenedAt.map({ CalendarDate($0, in: state.timeZone) })
        else { return nil }
        let members = Set(body.members)
        let replaced = state.plan.focalPoints.first { point in
            members.contains(point.entity) && point.id != id && state.standIn(for: point.id, on: day).focalPoint == id
        }
        return replaced?.name
    }

    private func taskNotice(
        _ task: TaskRecord, to id: FocalPointID, reassigned reason: String?, recorded: RecordedPlanEvent, state: PlanState
    ) -> Notice? {
        guard let point = state.focalPoint(id) else { return nil }
        let language = NoticeTemplates.Language(tag: point.language)
        var values: [String: Any] = [
            "recipient": point.name, "task": task.id, "title": task.title, "owner": task.owner.rawValue,
            "ownerName": state.plan.entities.first { $0.id == task.owner }?.name ?? task.owner.rawValue,
            "due": task.due.description, "routing": task.routing, "plan": state.plan.title,
        ]
        if let measure = task.measure { values["measure"] = measure.rawValue }
        if let reason {
            values["reassigned"] = true
            values["reason"] = reason
        } else if let meetingID = task.meeting, let meeting = state.meetings[meetingID] {
            values["meeting"] = meetingID
            values["body"] = state.body(meeting.body)?.name ?? meeting.body.rawValue
            if let number = task.decision, let decision = meeting.minutes?.decisions.first(where: { $0.number == number }) {
                values["decision"] = decision.text
            }
        }
        let (subject, text) = NoticeTemplates.render(.task, language, values)
        return Notice(
            kind: .task, sequence: recorded.sequence, recipient: id, recipientName: point.name,
            recipientEmail: NoticeText.email(of: point), subjectID: task.id, subject: subject, text: text,
            calendar: nil, calendarMethod: nil,
            messageID: "task.\(NoticeText.token(task.id)).\(recorded.sequence).\(NoticeText.token(id.rawValue))@\(domain)",
            thread: nil, date: recorded.recordedAt, measure: task.measure)
    }
}
