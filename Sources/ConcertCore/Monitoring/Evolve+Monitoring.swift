import Foundation

extension PlanState {
    /// Folds a reporting or escalation event in; false when the event is not one of those.
    mutating func evolveMonitoring(_ recorded: RecordedPlanEvent) -> Bool {
        let at = recorded.recordedAt
        let by = recorded.author.name
        switch recorded.event {
        case .reportsReminded(let e):
            reporting.reminded.insert(e.period)
        case .reportMissed(let e):
            reporting.missed.insert(ReportingRecord.key(e.measure, e.period))
        case .taskFellOverdue(let e):
            tasks[e.task]?.overdueSince = e.due
        case .escalationStarted(let e):
            escalations[e.escalation] = EscalationRecord(
                id: e.escalation, subject: e.subject, ladder: e.ladder, entities: e.entities, level: 0, state: .open,
                started: at, levelSince: at, notices: 0, lastNotified: nil, snoozedUntil: nil, meeting: nil, told: [],
                history: [EscalationRecord.Entry(at: at, kind: .started, level: 0, by: by, detail: e.reason)])
            activeEscalations[e.subject] = e.escalation
        case .escalationRaised(let e):
            changeEscalation(e.escalation, at: at, .raised, by: by, level: e.level, "climbed to level \(e.level)") {
                $0.level = e.level
                $0.levelSince = at
                $0.notices = 0
                $0.meeting = nil
                if $0.state == .acknowledged { $0.state = .open }
            }
        case .escalationNotified(let e):
            let told = e.recipients.isEmpty ? "nobody to tell" : "told " + e.recipients.map(\.rawValue).joined(separator: ", ")
            let what = e.repeatNumber == 0 ? told : "repeat \(e.repeatNumber): \(told)"
            changeEscalation(e.escalation, at: at, .notified, by: by, level: e.level, what) {
                $0.notices += 1
                $0.lastNotified = at
                for recipient in e.recipients where !$0.told.contains(recipient) { $0.told.append(recipient) }
            }
        case .escalationPlaced(let e):
            changeEscalation(e.escalation, at: at, .placed, by: by, level: e.level, "placed on the agenda of \(e.meeting)") {
                $0.meeting = e.meeting
            }
        case .escalationAcknowledged(let e):
            changeEscalation(e.escalation, at: at, .acknowledged, by: by, level: e.level, "acknowledged by \(by)") {
                $0.state = .acknowledged
            }
        case .escalationSnoozed(let e):
            let zone = timeZone
            changeEscalation(e.escalation, at: at, .snoozed, by: by, level: nil, "snoozed until \(e.until): \(e.reason)") {
                $0.state = .snoozed
                $0.snoozedUntil = e.until.start(in: zone)
            }
        case .escalationResumed(let e):
            changeEscalation(e.escalation, at: at, .resumed, by: by, level: nil, "snooze over") {
                $0.state = .open
                $0.snoozedUntil = nil
            }
        case .escalationResolved(let e):
            changeEscalation(e.escalation, at: at, .resolved, by: by, level: nil, e.resolution) {
                $0.state = .resolved
                $0.snoozedUntil = nil
            }
            if let subject = escalations[e.escalation]?.subject, activeEscalations[subject] == e.escalation {
                activeEscalations[subject] = nil
            }
        default:
            return false
        }
        return true
    }

    private mutating func changeEscalation(
        _ id: String, at: Date, _ kind: EscalationRecord.Entry.Kind, by: String, level: Int?, _ detail: String,
        _ change: (inout EscalationRecord) -> Void
    ) {
        guard var record = escalations[id] else { return }
        change(&record)
        record.history.append(EscalationRecord.Entry(at: at, kind: kind, level: level ?? record.level, by: by, detail: detail))
        escalations[id] = record
    }
}
