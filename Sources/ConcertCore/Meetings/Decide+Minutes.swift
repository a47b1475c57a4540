import Foundation

extension PlanState {
    /// Minutes for a convened meeting that has started: attendance from the body's members,
    /// resolved items from its agenda, and the decisions' tasks created and routed.
    func decideMinutes(_ draft: MinutesDraft, now: Date) throws(CommandRejection) -> [PlanEvent] {
        let meeting = try openMeeting(draft.meeting)
        guard meeting.status == .convened else { throw CommandRejection(.meetingNotConvened(meeting.id)) }
        guard now >= meeting.start else {
            throw CommandRejection(.meetingNotStarted(meeting: meeting.id, start: meeting.start))
        }
        guard let body = body(meeting.body) else { throw CommandRejection(.noSuchBody(meeting.body)) }
        try checkText(draft.note, field: "note", limit: TextLimits.note)
        guard draft.decisions.count <= TextLimits.items,
            draft.decisions.reduce(0, { $0 + $1.tasks.count }) <= TextLimits.items
        else {
            throw CommandRejection(.invalidArgument(field: "decisions", message: "at most \(TextLimits.items)"))
        }
        let members = Set(body.members)
        for entity in draft.present where !members.contains(entity) {
            throw CommandRejection(.notAMember(entity: entity, body: body.id))
        }
        let numbers = Set(meeting.agenda.map(\.number))
        for number in draft.resolved where !numbers.contains(number) {
            throw CommandRejection(.noSuchAgendaItem(meeting: meeting.id, number: number))
        }

        let today = CalendarDate(now, in: timeZone)
        var decisions: [Decision] = []
        var created: [PlanEvent] = []
        var nextTask = tasks.count + 1
        for (index, drafted) in draft.decisions.enumerated() {
            guard !drafted.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CommandRejection(.invalidArgument(field: "decision", message: "a decision needs its text"))
            }
            try checkText(drafted.text, field: "decision", limit: TextLimits.note)
            if let item = drafted.item, !numbers.contains(item) {
                throw CommandRejection(.noSuchAgendaItem(meeting: meeting.id, number: item))
            }
            var ids: [String] = []
            for task in drafted.tasks {
                let event = try taskCreated(
                    task, id: "T\(nextTask)", meeting: meeting.id, decision: index + 1, item: drafted.item,
                    today: today, meetingDay: CalendarDate(meeting.start, in: timeZone))
                nextTask += 1
                ids.append(event.task)
                created.append(.taskCreated(event))
            }
            decisions.append(Decision(number: index + 1, text: drafted.text, item: drafted.item, tasks: ids))
        }
        let present = Set(draft.present)
        let resolved = Set(draft.resolved)
        let minutes = Minutes(
            present: body.members.filter { present.contains($0) }, absent: body.members.filter { !present.contains($0) },
            decisions: decisions, resolved: resolved.sorted(),
            unresolved: meeting.agenda.map(\.number).filter { !resolved.contains($0) }, note: draft.note)
        return [.minutesRecorded(MinutesRecorded(meeting: meeting.id, minutes: minutes))] + created
    }

    private func taskCreated(
        _ task: MinutesDraft.TaskDraft, id: String, meeting: String, decision: Int, item: Int?, today: CalendarDate,
        meetingDay: CalendarDate
    ) throws(CommandRejection) -> TaskCreated {
        guard !task.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommandRejection(.invalidArgument(field: "task", message: "a task needs a title"))
        }
        try checkText(task.title, field: "task", limit: TextLimits.title)
        guard plan.entities.contains(where: { $0.id == task.owner }) else {
            throw CommandRejection(.noSuchEntity(task.owner))
        }
        if let measure = task.measure, self.measure(measure) == nil { throw CommandRejection(.noSuchMeasure(measure)) }
        guard task.due >= meetingDay, task.due <= plan.end else {
            throw CommandRejection(
                .invalidArgument(
                    field: "due", message: "task '\(task.title)' is due \(task.due), before the meeting or after the plan ends"))
        }
        let routing = route(to: task.owner, level: .technical, on: today)
        return TaskCreated(
            task: id, title: task.title, owner: task.owner, assignee: routing.focalPoint, routing: routing.reason,
            due: task.due, measure: task.measure, meeting: meeting, decision: decision, item: item)
    }
}
