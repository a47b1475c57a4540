import Foundation

/// Limits on text a command may carry.
public enum TextLimits {
    public static let note = 4_000
    public static let reason = 1_000
    public static let title = 500
    public static let venue = 200
    /// Items, decisions or tasks one command may carry.
    public static let items = 100
}

extension PlanState {
    /// Checks a command against the current state and returns the events it produces.
    ///
    /// Pure: no I/O, no clock other than `now`. A refused command produces no event.
    /// - Parameters:
    ///   - envelope: the command, its id and its author.
    ///   - now: the instant the command is decided at.
    public func decide(_ envelope: CommandEnvelope, now: Date) throws(CommandRejection) -> [PlanEvent] {
        let role = envelope.author.role
        let command = envelope.command
        guard let measureID = command.measure, command.isAboutMeasureProgress else {
            return try decideCoordination(envelope, now: now)
        }
        guard let measure = measure(measureID) else {
            throw CommandRejection(.noSuchMeasure(measureID))
        }
        let current = progress(of: measure)
        switch command {
        case .report(let report):
            guard role.mayReport else {
                throw CommandRejection(.permissionDenied(required: .focalPoint, actual: role))
            }
            try checkText(report.note, field: "note", limit: TextLimits.note)
            guard current.stage.allowsReport(to: report.stage) else {
                throw CommandRejection(
                    .stageTransitionNotAllowed(measure: measure.id, from: current.stage, to: report.stage))
            }
            if measure.continuous, report.stage == .completed, CalendarDate(now, in: timeZone) < plan.end {
                throw CommandRejection(.continuousMeasureNotCompletable(measure: measure.id, planEnd: plan.end))
            }
            let declared = Set(measure.indicators.map(\.name))
            for (name, value) in report.indicators.sorted(by: { $0.key < $1.key }) {
                guard declared.contains(name) else {
                    throw CommandRejection(
                        .unknownIndicator(
                            measure: measure.id, indicator: name, known: measure.indicators.map(\.name)))
                }
                guard value.isFinite else {
                    throw CommandRejection(.invalidIndicatorValue(measure: measure.id, indicator: name))
                }
            }
            return [
                .progressReported(
                    ProgressReported(
                        measure: measure.id, previousStage: current.stage, stage: report.stage,
                        indicators: report.indicators, note: report.note))
            ] + resolutions(of: command, by: envelope.author)

        case .replan(let replan):
            guard role.mayReplan else {
                throw CommandRejection(.permissionDenied(required: .coordinator, actual: role))
            }
            try checkReason(replan.reason)
            guard !measure.continuous else {
                throw CommandRejection(.continuousMeasureHasNoDeadline(measure.id))
            }
            guard current.stage != .completed else { throw CommandRejection(.measureCompleted(measure.id)) }
            guard replan.deadline >= plan.start, replan.deadline <= plan.end else {
                throw CommandRejection(
                    .deadlineOutsidePlan(deadline: replan.deadline, start: plan.start, end: plan.end))
            }
            return [
                .measureReplanned(
                    MeasureReplanned(
                        measure: measure.id, previousDeadline: current.deadline, deadline: replan.deadline,
                        reason: replan.reason))
            ] + resolutions(of: command, by: envelope.author)

        case .reopen(let reopen):
            guard role.mayReplan else {
                throw CommandRejection(.permissionDenied(required: .coordinator, actual: role))
            }
            try checkReason(reopen.reason)
            guard current.stage == .completed else { throw CommandRejection(.measureNotCompleted(measure.id)) }
            return [.measureReopened(MeasureReopened(measure: measure.id, reason: reopen.reason))]

        case .markOverdue(let mark):
            guard role == .agent else {
                throw CommandRejection(.permissionDenied(required: .agent, actual: role))
            }
            guard let due = overdueDeadline(of: measure), due == mark.deadline, current.overdueSince != due,
                CalendarDate(now, in: timeZone) > due
            else { throw CommandRejection(.notOverdue(measure.id)) }
            return [
                .measureFellOverdue(MeasureFellOverdue(measure: measure.id, deadline: due, stage: current.stage))
            ]
                + (try startEscalation(
                    .measure(measure.id), entities: responsibleEntities(of: measure),
                    reason: "measure \(measure.id) (\(measure.title)) passed its deadline \(due) while \(current.stage.rawValue.replacingOccurrences(of: "_", with: " "))",
                    now: now))
        default:
            return try decideCoordination(envelope, now: now)
        }
    }

    func checkReason(_ reason: String) throws(CommandRejection) {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommandRejection(.reasonRequired)
        }
        try checkText(reason, field: "reason", limit: TextLimits.reason)
    }

    func checkText(_ text: String?, field: String, limit: Int) throws(CommandRejection) {
        if let text, text.count > limit { throw CommandRejection(.textTooLong(field: field, limit: limit)) }
    }
}
