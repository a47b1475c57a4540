import Foundation

extension PlanState {
    /// Longest snooze, in days.
    static let maximumSnoozeDays = 366

    /// The monthly cycle's and the escalations' commands.
    func decideMonitoring(_ envelope: CommandEnvelope, now: Date) throws(CommandRejection) -> [PlanEvent] {
        let role = envelope.author.role
        let today = CalendarDate(now, in: timeZone)
        switch envelope.command {
        case .remindReports(let period):
            try require(.agent, role)
            let cycle = try reportingCycle()
            guard !reporting.reminded.contains(period) else { throw CommandRejection(.nothingDue("\(period) already reminded")) }
            let due = cycle.window(of: period).due
            var byFocalPoint: [FocalPointID: (measures: [MeasureID], routing: String)] = [:]
            var order: [FocalPointID] = []
            for measure in missingReports(for: period, cycle: cycle, on: today) {
                let routing = route(to: measure.responsible, level: .technical, on: today)
                guard let point = routing.focalPoint else { continue }
                if byFocalPoint[point] == nil {
                    order.append(point)
                    byFocalPoint[point] = ([], routing.reason)
                }
                byFocalPoint[point]?.measures.append(measure.id)
            }
            let reminders = order.compactMap { point in
                byFocalPoint[point].map {
                    ReportsReminded.Reminder(focalPoint: point, measures: $0.measures, routing: $0.routing)
                }
            }
            return [.reportsReminded(ReportsReminded(period: period, due: due, reminders: reminders))]

        case .markReportMissed(let id, let period):
            try require(.agent, role)
            let cycle = try reportingCycle()
            guard let measure = measure(id) else { throw CommandRejection(.noSuchMeasure(id)) }
            let due = cycle.window(of: period).due
            guard today > due, !reporting.missed.contains(ReportingRecord.key(id, period)),
                reportsMonthly(measure, on: due), !hasReported(measure, for: period, cycle: cycle)
            else { throw CommandRejection(.nothingDue("the \(period) report of \(id) is not missing")) }
            return [.reportMissed(ReportMissed(measure: id, period: period, due: due))]
                + (try startEscalation(
                    .report(id, period: period), entities: [measure.responsible],
                    reason: "the monthly report on \(id) for \(period) was due \(due) and has not come in", now: now))

        case .markTaskOverdue(let id):
            try require(.agent, role)
            guard let task = tasks[id] else { throw CommandRejection(.noSuchTask(id)) }
            guard task.status != .completed, today > task.due, task.overdueSince != task.due else {
                throw CommandRejection(.nothingDue("task \(id) is not newly overdue"))
            }
            return [.taskFellOverdue(TaskFellOverdue(task: id, due: task.due))]
                + (try startEscalation(
                    .task(id), entities: [task.owner],
                    reason: "task \(id) (\(task.title)) was due \(task.due) and is \(task.status.rawValue)", now: now))

        case .advanceEscalation(let advance):
            try require(.agent, role)
            let record = try activeEscalation(advance.escalation)
            guard record.level == advance.level else { throw CommandRejection(.escalationMoved(record.id)) }
            return try decideAdvance(record, advance.action, now: now)

        case .acknowledgeEscalation(let id):
            guard role == .focalPoint || role == .coordinator else {
                throw CommandRejection(.permissionDenied(required: .focalPoint, actual: role))
            }
            let record = try activeEscalation(id)
            guard record.state == .open else {
                throw CommandRejection(.escalationNotActive(escalation: id, state: record.state))
            }
            return [.escalationAcknowledged(EscalationAcknowledged(escalation: id, level: record.level))]

        case .snoozeEscalation(let snooze):
            try require(.coordinator, role)
            let record = try activeEscalation(snooze.escalation)
            try checkReason(snooze.reason)
            guard snooze.until > today, today.days(to: snooze.until) <= Self.maximumSnoozeDays else {
                throw CommandRejection(
                    .invalidArgument(
                        field: "until", message: "a snooze ends after today and within \(Self.maximumSnoozeDays) days"))
            }
            return [.escalationSnoozed(EscalationSnoozed(escalation: record.id, until: snooze.until, reason: snooze.reason))]

        default:
            return []
        }
    }

    private func reportingCycle() throws(CommandRejection) -> ReportingCycle {
        guard let cycle = plan.monitoring.reporting else {
            throw CommandRejection(.invalidArgument(field: "monitoring", message: "the plan declares no reporting cycle"))
        }
        return cycle
    }

    func activeEscalation(_ id: String) throws(CommandRejection) -> EscalationRecord {
        guard let record = escalations[id] else { throw CommandRejection(.noSuchEscalation(id)) }
        guard record.isActive else { throw CommandRejection(.escalationNotActive(escalation: id, state: record.state)) }
        return record
    }

    private func decideAdvance(
        _ record: EscalationRecord, _ action: EscalationAdvance.Action, now: Date
    ) throws(CommandRejection) -> [PlanEvent] {
        switch action {
        case .repeatNotice:
            guard record.state == .open, let step = record.step, case .notify(let level) = step.action,
                step.repeatEveryWorkingDays != nil, record.notices <= step.maxRepeats
            else { throw CommandRejection(.nothingDue("no repeat due for \(record.id)")) }
            return [notified(record, level: level, repeatNumber: record.notices, now: now)]
        case .raise:
            guard record.state != .snoozed, record.nextStep != nil else {
                throw CommandRejection(.nothingDue("\(record.id) cannot climb now"))
            }
            var raised = record
            raised.level += 1
            return [.escalationRaised(EscalationRaised(escalation: record.id, level: raised.level))]
                + (try reach(raised, now: now))
        case .resume:
            guard record.state == .snoozed else { throw CommandRejection(.nothingDue("\(record.id) is not snoozed")) }
            return [.escalationResumed(EscalationResumed(escalation: record.id))]
        case .place:
            guard let step = record.step, case .agenda = step.action else {
                throw CommandRejection(.nothingDue("\(record.id) is not at an agenda level"))
            }
            if let meeting = record.meeting, meetings[meeting]?.isOpen == true {
                throw CommandRejection(.nothingDue("\(record.id) is already on \(meeting)"))
            }
            return try reach(record, now: now)
        }
    }

    /// The events that start an escalation of `subject` (none if one is already active or the
    /// plan gives no ladder), reaching its first level.
    func startEscalation(
        _ subject: EscalationSubject, entities: [EntityID], reason: String, now: Date
    ) throws(CommandRejection) -> [PlanEvent] {
        guard activeEscalations[subject] == nil, let ladder = ladder(for: subject), !ladder.steps.isEmpty else { return [] }
        // Missing reports of one measure climb one ladder: a further miss joins the open escalation.
        if case .report(let measure, _) = subject,
            activeEscalations.keys.contains(where: { if case .report(measure, _) = $0 { return true } else { return false } })
        {
            return []
        }
        let id = "E\(escalations.count + 1)"
        let record = EscalationRecord(
            id: id, subject: subject, ladder: ladder, entities: entities, level: 0, state: .open, started: now,
            levelSince: now, notices: 0, lastNotified: nil, snoozedUntil: nil, meeting: nil, told: [],
            history: [EscalationRecord.Entry(at: now, kind: .started, level: 0, by: "", detail: reason)])
        let started = EscalationStarted(escalation: id, subject: subject, ladder: ladder, entities: entities, reason: reason)
        // A first level that needs a meeting no one has placed yet waits for the agent to retry.
        let first = (try? reach(record, now: now)) ?? []
        return [.escalationStarted(started)] + first
    }

    /// The events of reaching the record's current level: its notices, or its agenda item.
    private func reach(_ record: EscalationRecord, now: Date) throws(CommandRejection) -> [PlanEvent] {
        guard let step = record.step else { return [] }
        switch step.action {
        case .notify(let level):
            return [notified(record, level: level, repeatNumber: 0, now: now)]
        case .agenda(let body):
            guard
                let meeting = meetings.values.filter({ $0.body == body && $0.isOpen && $0.start > now })
                    .min(by: { ($0.start, $0.id) < ($1.start, $1.id) })
            else { throw CommandRejection(.noMeetingAhead(body)) }
            let update = meeting.status == .convened
            let reason = record.history.first?.detail ?? record.subject.description
            let title = String("Escalation \(record.id) (level \(record.level)): \(reason)".prefix(TextLimits.title))
            let item = AgendaItem(
                number: update ? meeting.agenda.count + 1 : 0, title: title, source: .escalation,
                measure: record.subject.measure)
            return [
                .agendaItemAdded(AgendaItemAdded(meeting: meeting.id, item: item, update: update)),
                .escalationPlaced(EscalationPlaced(escalation: record.id, level: record.level, meeting: meeting.id)),
            ]
        }
    }

    private func notified(_ record: EscalationRecord, level: FocalPoint.Level, repeatNumber: Int, now: Date) -> PlanEvent {
        let told = recipients(of: record, at: level, now: now)
        return .escalationNotified(
            EscalationNotified(
                escalation: record.id, level: record.level, repeatNumber: repeatNumber, recipients: told,
                firstTold: told.filter { !record.told.contains($0) }))
    }

    /// The focal points at `level` of the record's entities, each routed to its stand-in while away.
    private func recipients(of record: EscalationRecord, at level: FocalPoint.Level, now: Date) -> [FocalPointID] {
        let today = CalendarDate(now, in: timeZone)
        var seen: Set<FocalPointID> = []
        return record.entities.compactMap { route(to: $0, level: level, on: today).focalPoint }
            .filter { seen.insert($0).inserted }
    }

    /// The escalations a command settles: a completed report or an approved replan settles the
    /// measure's; any report settles its missing-report ones; a completed task settles the task's.
    func resolutions(of command: PlanCommand, by author: Author) -> [PlanEvent] {
        func resolve(_ subject: EscalationSubject, _ why: String) -> PlanEvent? {
            activeEscalations[subject].map { .escalationResolved(EscalationResolved(escalation: $0, resolution: why)) }
        }
        switch command {
        case .report(let report):
            var events: [PlanEvent] = []
            if report.stage == .completed, let e = resolve(.measure(report.measure), "completed, reported by \(author.name)") {
                events.append(e)
            }
            for (subject, id) in activeEscalations.sorted(by: { $0.value < $1.value }) {
                if case .report(let measure, let period) = subject, measure == report.measure {
                    events.append(
                        .escalationResolved(
                            EscalationResolved(escalation: id, resolution: "the \(period) report came in from \(author.name)")))
                }
            }
            return events
        case .replan(let replan):
            return [resolve(.measure(replan.measure), "replanned to \(replan.deadline) by \(author.name): \(replan.reason)")]
                .compactMap { $0 }
        case .completeTask(let completion):
            return [resolve(.task(completion.task), "completed by \(author.name)")].compactMap { $0 }
        default:
            return []
        }
    }
}
