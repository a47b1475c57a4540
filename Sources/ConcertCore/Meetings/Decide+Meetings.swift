import Foundation

extension PlanState {
    /// The longest a meeting may last.
    static let maximumMeetingMinutes = 24 * 60

    /// The commands about meetings, tasks and focal points.
    func decideCoordination(_ envelope: CommandEnvelope, now: Date) throws(CommandRejection) -> [PlanEvent] {
        let role = envelope.author.role
        let today = CalendarDate(now, in: timeZone)
        switch envelope.command {
        case .scheduleMeeting(let planned):
            try require(.agent, role)
            guard body(planned.body) != nil else { throw CommandRejection(.noSuchBody(planned.body)) }
            guard meetings[planned.id] == nil else { throw CommandRejection(.meetingAlreadyScheduled(planned.id)) }
            return [.meetingScheduled(MeetingScheduled(planned))]

        case .conveneMeeting(let id):
            try require(.agent, role)
            let meeting = try openMeeting(id)
            guard meeting.status == .scheduled else { throw CommandRejection(.meetingNotWaiting(id)) }
            return [
                .meetingConvened(
                    MeetingConvened(
                        meeting: id, agenda: agenda(of: meeting),
                        recipients: convocationRecipients(of: meeting, on: today)))
            ]

        case .rescheduleMeeting(let change):
            try require(.coordinator, role)
            let meeting = try openMeeting(change.meeting)
            try checkReason(change.reason)
            try checkText(change.venue, field: "venue", limit: TextLimits.venue)
            let end = change.end ?? change.start.addingTimeInterval(meeting.end.timeIntervalSince(meeting.start))
            try checkMeetingTimes(start: change.start, end: end, now: now)
            let venue = change.venue ?? meeting.venue
            guard change.start != meeting.start || end != meeting.end || venue != meeting.venue else {
                throw CommandRejection(
                    .invalidArgument(field: "start", message: "the meeting already starts, ends and meets there"))
            }
            return [
                .meetingRescheduled(
                    MeetingRescheduled(
                        meeting: meeting.id, previousStart: meeting.start, start: change.start, end: end, venue: venue,
                        reason: change.reason))
            ]

        case .cancelMeeting(let id, let reason):
            try require(.coordinator, role)
            let meeting = try openMeeting(id)
            try checkReason(reason)
            return [.meetingCancelled(MeetingCancelled(meeting: meeting.id, reason: reason))]

        case .callExtraordinaryMeeting(let call):
            try require(.coordinator, role)
            guard let body = body(call.body) else { throw CommandRejection(.noSuchBody(call.body)) }
            try checkReason(call.reason)
            try checkText(call.venue, field: "venue", limit: TextLimits.venue)
            try checkItems(call.items)
            let minutes = call.durationMinutes ?? body.durationMinutes ?? Plan.defaultMeetingMinutes
            let end = call.start.addingTimeInterval(TimeInterval(minutes * 60))
            try checkMeetingTimes(start: call.start, end: end, now: now)
            let zone = body.timeZone.flatMap(TimeZone.init(identifier:)) ?? timeZone
            let id = extraordinaryMeetingID(body: body.id, day: CalendarDate(call.start, in: zone))
            let scheduled = MeetingScheduled(
                meeting: id, body: body.id, start: call.start, end: end, timeZone: zone.identifier,
                venue: call.venue ?? body.venues.first, extraordinary: true, reason: call.reason)
            return [.meetingScheduled(scheduled)]
                + call.items.map {
                    .agendaItemAdded(
                        AgendaItemAdded(meeting: id, item: AgendaItem(title: $0, source: .added), update: false))
                }

        case .addAgendaItem(let request):
            guard role == .coordinator || role == .agent else {
                throw CommandRejection(.permissionDenied(required: .coordinator, actual: role))
            }
            let meeting = try openMeeting(request.meeting)
            try checkItems([request.title])
            if let measure = request.measure, self.measure(measure) == nil {
                throw CommandRejection(.noSuchMeasure(measure))
            }
            let update = meeting.status == .convened
            let item = AgendaItem(
                number: update ? meeting.agenda.count + 1 : 0, title: request.title,
                source: role == .agent ? .escalation : .added, measure: request.measure)
            return [.agendaItemAdded(AgendaItemAdded(meeting: meeting.id, item: item, update: update))]

        case .recordMinutes(let draft):
            try require(.coordinator, role)
            return try decideMinutes(draft, now: now)

        case .acknowledgeTask, .completeTask, .reassignTask, .setAway:
            return try decideTasks(envelope.command, role: role, today: today)
                + resolutions(of: envelope.command, by: envelope.author)

        case .remindReports, .markReportMissed, .markTaskOverdue, .advanceEscalation, .acknowledgeEscalation,
            .snoozeEscalation:
            return try decideMonitoring(envelope, now: now)

        case .report, .replan, .reopen, .markOverdue:
            return []
        }
    }

    func require(_ needed: Role, _ role: Role) throws(CommandRejection) {
        guard role == needed else { throw CommandRejection(.permissionDenied(required: needed, actual: role)) }
    }

    /// A meeting that is scheduled or convened.
    func openMeeting(_ id: String) throws(CommandRejection) -> MeetingRecord {
        guard let meeting = meetings[id] else { throw CommandRejection(.noSuchMeeting(id)) }
        guard meeting.isOpen else { throw CommandRejection(.meetingClosed(meeting: id, status: meeting.status)) }
        return meeting
    }

    private func checkMeetingTimes(start: Date, end: Date, now: Date) throws(CommandRejection) {
        guard start > now else {
            throw CommandRejection(.invalidArgument(field: "start", message: "a meeting can only be placed in the future"))
        }
        guard end > start, end.timeIntervalSince(start) <= TimeInterval(Self.maximumMeetingMinutes * 60) else {
            throw CommandRejection(
                .invalidArgument(field: "end", message: "a meeting ends after it starts and lasts at most 24 hours"))
        }
    }

    func checkItems(_ titles: [String]) throws(CommandRejection) {
        guard titles.count <= TextLimits.items else {
            throw CommandRejection(.invalidArgument(field: "items", message: "at most \(TextLimits.items)"))
        }
        for title in titles {
            guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CommandRejection(.invalidArgument(field: "title", message: "an agenda item needs a title"))
            }
            try checkText(title, field: "title", limit: TextLimits.title)
        }
    }

    /// `committee-2027-02-03-extraordinary`, then `-2`, `-3` for more on the same day.
    private func extraordinaryMeetingID(body: BodyID, day: CalendarDate) -> String {
        let base = "\(body)-\(day)-extraordinary"
        guard meetings[base] != nil else { return base }
        var index = 2
        while meetings["\(base)-\(index)"] != nil { index += 1 }
        return "\(base)-\(index)"
    }
}
