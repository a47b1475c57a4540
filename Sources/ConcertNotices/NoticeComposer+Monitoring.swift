import ConcertCore
import Foundation

extension NoticeComposer {
    /// One reminder per focal point, listing its measures whose report is still missing.
    func reminderNotices(_ e: ReportsReminded, recorded: RecordedPlanEvent, state: PlanState) -> [Notice] {
        e.reminders.compactMap { reminder -> Notice? in
            guard let point = state.focalPoint(reminder.focalPoint), let first = reminder.measures.first else { return nil }
            let language = NoticeTemplates.Language(tag: point.language)
            let measures: [[String: Any]] = reminder.measures.compactMap { id in
                guard let measure = state.measure(id) else { return nil }
                let progress = state.progress(of: measure)
                var values: [String: Any] = [
                    "id": id.rawValue, "title": measure.title,
                    "stage": progress.stage.rawValue.replacingOccurrences(of: "_", with: " "),
                ]
                if let deadline = progress.deadline { values["deadline"] = deadline.description }
                return values
            }
            let values: [String: Any] = [
                "recipient": point.name, "period": e.period.description, "due": e.due.description,
                "measures": measures, "count": measures.count, "plural": measures.count > 1, "first": first.rawValue,
                "routing": reminder.routing, "plan": state.plan.title,
            ]
            let (subject, text) = NoticeTemplates.render(.reminder, language, values)
            return Notice(
                kind: .reminder, sequence: recorded.sequence, recipient: point.id, recipientName: point.name,
                recipientEmail: NoticeText.email(of: point), subjectID: "reports-\(e.period)", subject: subject, text: text,
                calendar: nil, calendarMethod: nil,
                messageID: "reminder.\(e.period).\(NoticeText.token(point.id.rawValue))@\(domain)", thread: nil,
                date: recorded.recordedAt)
        }
    }

    /// The message id of the first notice a focal point got about an escalation: its thread's root.
    public func escalationThreadID(escalation: String, recipient: FocalPointID) -> String {
        "escalation.\(NoticeText.token(escalation)).\(NoticeText.token(recipient.rawValue))@\(domain)"
    }

    /// The notices of one escalation level (or a repeat): what is late, since when, what
    /// happened so far, what comes next, and the commands to run.
    func escalationNotices(_ e: EscalationNotified, recorded: RecordedPlanEvent, state: PlanState) -> [Notice] {
        guard let record = state.escalations[e.escalation] else { return [] }
        let zone = state.timeZone
        let first = Set(e.firstTold)
        return e.recipients.compactMap { id -> Notice? in
            guard let point = state.focalPoint(id) else { return nil }
            let language = NoticeTemplates.Language(tag: point.language)
            let levelName = language == .pt
                ? (point.level == .political ? "ponto focal político" : "ponto focal técnico")
                : "\(point.level.rawValue) focal point"
            let history: [[String: Any]] = record.history.map {
                ["at": NoticeText.when($0.at, in: zone, language: language), "detail": $0.detail]
            }
            let values: [String: Any] = [
                "recipient": point.name, "escalation": record.id, "overdue": e.level == 0, "level": e.level,
                "levels": record.ladder.steps.count, "levelAction": record.step?.action.description ?? "",
                "what": what(record.subject, state: state), "reason": record.history.first?.detail ?? record.subject.description,
                "since": NoticeText.when(record.started, in: zone, language: language), "role": levelName,
                "entities": record.entities.map(\.rawValue).joined(separator: ", "),
                "repeat": e.repeatNumber > 0 ? e.repeatNumber : false, "next": state.outlook(of: record),
                "history": history, "resolve": resolveCommand(record.subject), "plan": state.plan.title,
            ]
            let (subject, text) = NoticeTemplates.render(.escalation, language, values)
            let root = escalationThreadID(escalation: record.id, recipient: id)
            let opens = first.contains(id)
            return Notice(
                kind: e.level == 0 ? .overdue : .escalation, sequence: recorded.sequence, recipient: id,
                recipientName: point.name, recipientEmail: NoticeText.email(of: point), subjectID: record.id,
                subject: subject, text: text, calendar: nil, calendarMethod: nil,
                messageID: opens
                    ? root : "escalation.\(NoticeText.token(record.id)).\(recorded.sequence).\(NoticeText.token(id.rawValue))@\(domain)",
                thread: opens ? nil : root, date: recorded.recordedAt, measure: record.subject.measure, level: e.level)
        }
    }

    /// `measure M01 (e-VISA portal)`, `task T3 (Send figures)`, `report on M01 for 2027-01`.
    private func what(_ subject: EscalationSubject, state: PlanState) -> String {
        switch subject {
        case .measure(let id): return "measure \(id) (\(state.measure(id)?.title ?? "?"))"
        case .task(let id): return "task \(id) (\(state.tasks[id]?.title ?? "?"))"
        case .report(let id, let period): return "report on \(id) for \(period)"
        }
    }

    /// The command that settles the subject.
    private func resolveCommand(_ subject: EscalationSubject) -> String {
        switch subject {
        case .measure(let id): return "concertctl report \(id) --status completed   (or a coordinator: concertctl replan \(id) ...)"
        case .task(let id): return "concertctl task complete \(id) --note \"what was done\""
        case .report(let id, _): return "concertctl report \(id) --status in_progress --note \"what changed this month\""
        }
    }
}
